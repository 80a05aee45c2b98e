import type { Client } from '../../../schema/clients'
import type { Flag, FlagCreate, FlagPatch } from '../../../schema/flags'
import type { KamAssessment, KamMissing, KamPut } from '../../../schema/kam'
import { request } from './client'

const clientPath = (id: string) => `/api/clients/${encodeURIComponent(id)}`

export async function getKam(clientId: string, signal?: AbortSignal) {
  return (await request<{ kam: KamAssessment | null }>(`${clientPath(clientId)}/kam`, { signal }))
    .kam
}

/** Rates the client; the answer carries the client at its new version. */
export function putKam(clientId: string, body: KamPut) {
  return request<{ kam: KamAssessment; client: Client }>(`${clientPath(clientId)}/kam`, {
    method: 'PUT',
    body,
  })
}

/** Key accounts without a quadrant, for the signed-in lead (every one for an admin). */
export async function listUnassessed(signal?: AbortSignal) {
  return (await request<{ clients: KamMissing[] }>('/api/kam/unassessed', { signal })).clients
}

export async function listFlags(clientId: string, signal?: AbortSignal) {
  return (await request<{ flags: Flag[] }>(`${clientPath(clientId)}/flags`, { signal })).flags
}

export function raiseFlag(clientId: string, body: Partial<FlagCreate> & Pick<FlagCreate, 'kind'>) {
  return request<Flag>(`${clientPath(clientId)}/flags`, { method: 'POST', body })
}

export function patchFlag(id: string, body: FlagPatch) {
  return request<Flag>(`/api/flags/${encodeURIComponent(id)}`, { method: 'PATCH', body })
}

/** A signed renewal starts the next care cycle: the card goes back to the regular check-in. */
export function nextCycle(clientId: string, version: number) {
  return request<Client>(`${clientPath(clientId)}/next-cycle`, {
    method: 'POST',
    body: { version },
  })
}
