import type { Client } from '../../../schema/clients'
import { request } from './client'

/** The active (not archived) clients on the board. */
export async function listClients(signal?: AbortSignal): Promise<Client[]> {
  const body = await request<{ clients: Client[] }>('/api/clients', { signal })
  return body.clients
}
