import type { Automation, AutomationCreate, AutomationPatch } from '../../../schema/stage-clock'
import { answer, api } from './client'

export type { Automation, AutomationCreate, AutomationPatch }

const byId = (id: string) => ({ params: { path: { id } } })

/** A stage's automations, switched-off ones included. */
export async function listAutomations(
  stageId: string,
  signal?: AbortSignal,
): Promise<Automation[]> {
  return (await answer(api.GET('/api/stages/{id}/automations', { ...byId(stageId), signal })))
    .automations
}

export function createAutomation(stageId: string, input: AutomationCreate): Promise<Automation> {
  return answer(api.POST('/api/stages/{id}/automations', { ...byId(stageId), body: input }))
}

/** Edits or switches off an automation; send the version you saw. */
export function patchAutomation(id: string, patch: AutomationPatch): Promise<Automation> {
  return answer(api.PATCH('/api/automations/{id}', { ...byId(id), body: patch }))
}
