import type {
  Client,
  ClientCreate,
  ClientHistory,
  ClientMove,
  ClientPatch,
} from '../../../schema/clients'
import { ApiError, isRecord, request } from './client'

/** The active (not archived) clients on the board. */
export async function listClients(signal?: AbortSignal): Promise<Client[]> {
  const body = await request<{ clients: Client[] }>('/api/clients', { signal })
  return body.clients
}

export function getClient(id: string, signal?: AbortSignal): Promise<Client> {
  return request<Client>(`/api/clients/${encodeURIComponent(id)}`, { signal })
}

/** Edits a client; send the version you saw (409 `version_conflict` carries `current`). */
export function patchClient(id: string, patch: ClientPatch): Promise<Client> {
  return request<Client>(`/api/clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}

/** Creates a client at the end of a stage. */
export function createClient(input: ClientCreate): Promise<Client> {
  return request<Client>('/api/clients', { method: 'POST', body: input })
}

/**
 * Moves a card. A first attempt goes without an idempotency key (the version already makes a
 * repeated move a conflict); a retry of the same move sends one key, the same on every retry,
 * so a retry whose first answer was lost is answered with that move instead of a conflict.
 */
export function moveClient(id: string, move: ClientMove, retryKey?: string): Promise<Client> {
  return request<Client>(`/api/clients/${encodeURIComponent(id)}/move`, {
    method: 'POST',
    body: move,
    ...(retryKey ? { headers: { 'Idempotency-Key': retryKey } } : {}),
  })
}

/** A page of a client's history, newest first; `before` (an event id) asks for older ones. */
export function clientHistory(
  id: string,
  before: number | null = null,
  signal?: AbortSignal,
): Promise<ClientHistory> {
  const query = before === null ? '' : `?before=${before}`
  return request<ClientHistory>(`/api/clients/${encodeURIComponent(id)}/history${query}`, {
    signal,
  })
}

/** The server's copy of the card a 409 was about, when the error carries it. */
export function currentOf(error: unknown): Client | undefined {
  if (!(error instanceof ApiError)) return undefined
  const current = error.body.current
  return isRecord(current) && typeof current.id === 'string' ? (current as Client) : undefined
}
