import type { Client, ClientCreate, ClientMove, ClientPatch } from '../../../schema/clients'
import { ApiError, answer, api, isRecord } from './client'

const byId = (id: string) => ({ params: { path: { id } } })

/** The active (not archived) clients on the board. */
export async function listClients(signal?: AbortSignal): Promise<Client[]> {
  return (await answer(api.GET('/api/clients', { signal }))).clients
}

export function getClient(id: string, signal?: AbortSignal): Promise<Client> {
  return answer(api.GET('/api/clients/{id}', { ...byId(id), signal }))
}

/** Edits a client; send the version you saw (409 `version_conflict` carries `current`). */
export function patchClient(id: string, patch: ClientPatch): Promise<Client> {
  return answer(api.PATCH('/api/clients/{id}', { ...byId(id), body: patch }))
}

/** Creates a client at the end of a stage. */
export function createClient(input: ClientCreate): Promise<Client> {
  return answer(api.POST('/api/clients', { body: input }))
}

/**
 * Moves a card. A first attempt goes without an idempotency key (the version already makes a
 * repeated move a conflict); a retry of the same move sends one key, the same on every retry,
 * so a retry whose first answer was lost is answered with that move instead of a conflict.
 */
export function moveClient(id: string, move: ClientMove, retryKey?: string): Promise<Client> {
  return answer(
    api.POST('/api/clients/{id}/move', {
      ...byId(id),
      body: move,
      ...(retryKey ? { headers: { 'Idempotency-Key': retryKey } } : {}),
    }),
  )
}

/** A page of a client's history, newest first; `before` (an event id) asks for older ones. */
export function clientHistory(id: string, before: number | null = null, signal?: AbortSignal) {
  const query = before === null ? {} : { before }
  return answer(api.GET('/api/clients/{id}/history', { params: { path: { id }, query }, signal }))
}

/** The server's copy of the card a 409 was about, when the error carries it. */
export function currentOf(error: unknown): Client | undefined {
  if (!(error instanceof ApiError)) return undefined
  const current = error.body.current
  return isRecord(current) && typeof current.id === 'string' ? (current as Client) : undefined
}
