import type { Task, TaskPatch } from '../../../schema/tasks'
import { request } from './client'

export async function listTasks(clientId: string, signal?: AbortSignal): Promise<Task[]> {
  const path = `/api/clients/${encodeURIComponent(clientId)}/tasks`
  return (await request<{ tasks: Task[] }>(path, { signal })).tasks
}

export function createTask(clientId: string, title: string): Promise<Task> {
  return request<Task>(`/api/clients/${encodeURIComponent(clientId)}/tasks`, {
    method: 'POST',
    body: { title },
  })
}

export function patchTask(id: string, patch: TaskPatch): Promise<Task> {
  return request<Task>(`/api/tasks/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}
