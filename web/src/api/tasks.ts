import type { Task, TaskPatch } from '../../../schema/tasks'
import { answer, api } from './client'

const byId = (id: string) => ({ params: { path: { id } } })

export async function listTasks(clientId: string, signal?: AbortSignal): Promise<Task[]> {
  return (await answer(api.GET('/api/clients/{id}/tasks', { ...byId(clientId), signal }))).tasks
}

export function createTask(clientId: string, title: string): Promise<Task> {
  return answer(api.POST('/api/clients/{id}/tasks', { ...byId(clientId), body: { title } }))
}

export function patchTask(id: string, patch: TaskPatch): Promise<Task> {
  return answer(api.PATCH('/api/tasks/{id}', { ...byId(id), body: patch }))
}
