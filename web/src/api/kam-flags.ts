import type { FlagCreate, FlagPatch } from '../../../schema/flags'
import type { KamPut } from '../../../schema/kam'
import { answer, api } from './client'

const byId = (id: string) => ({ params: { path: { id } } })

export async function getKam(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/kam', { ...byId(clientId), signal }))).kam
}

/** Rates the client; the answer carries the client at its new version. */
export function putKam(clientId: string, body: KamPut) {
  return answer(api.PUT('/api/clients/{id}/kam', { ...byId(clientId), body }))
}

/** Key accounts without a quadrant, for the signed-in lead (every one for an admin). */
export async function listUnassessed(signal?: AbortSignal) {
  return (await answer(api.GET('/api/kam/unassessed', { signal }))).clients
}

export async function listFlags(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/flags', { ...byId(clientId), signal }))).flags
}

export function raiseFlag(clientId: string, body: Partial<FlagCreate> & Pick<FlagCreate, 'kind'>) {
  return answer(api.POST('/api/clients/{id}/flags', { ...byId(clientId), body }))
}

export function patchFlag(id: string, body: FlagPatch) {
  return answer(api.PATCH('/api/flags/{id}', { ...byId(id), body }))
}

/** A signed renewal starts the next care cycle: the card goes back to the regular check-in. */
export function nextCycle(clientId: string, version: number) {
  return answer(api.POST('/api/clients/{id}/next-cycle', { ...byId(clientId), body: { version } }))
}
