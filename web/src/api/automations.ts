import type { Automation, AutomationCreate, AutomationPatch } from '../../../schema/stage-clock'
import { request } from './client'

export type { Automation, AutomationCreate, AutomationPatch }

/** A stage's automations, switched-off ones included. */
export async function listAutomations(
  stageId: string,
  signal?: AbortSignal,
): Promise<Automation[]> {
  const path = `/api/stages/${encodeURIComponent(stageId)}/automations`
  return (await request<{ automations: Automation[] }>(path, { signal })).automations
}

export function createAutomation(stageId: string, input: AutomationCreate): Promise<Automation> {
  return request<Automation>(`/api/stages/${encodeURIComponent(stageId)}/automations`, {
    method: 'POST',
    body: input,
  })
}

/** Edits or switches off an automation; send the version you saw. */
export function patchAutomation(id: string, patch: AutomationPatch): Promise<Automation> {
  return request<Automation>(`/api/automations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
  })
}
