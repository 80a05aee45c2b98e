import type {
  Client,
  ClientCreate,
  ClientEvent,
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

/** Moves a card; an idempotency key makes a retried request safe. */
export function moveClient(id: string, move: ClientMove): Promise<Client> {
  return request<Client>(`/api/clients/${encodeURIComponent(id)}/move`, {
    method: 'POST',
    body: move,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  })
}

export async function clientHistory(id: string, signal?: AbortSignal): Promise<ClientEvent[]> {
  const path = `/api/clients/${encodeURIComponent(id)}/history`
  return (await request<{ events: ClientEvent[] }>(path, { signal })).events
}

/** The server's copy of the card a 409 was about, when the error carries it. */
export function currentOf(error: unknown): Client | undefined {
  if (!(error instanceof ApiError)) return undefined
  const current = error.body.current
  return isRecord(current) && typeof current.id === 'string' ? (current as Client) : undefined
}
