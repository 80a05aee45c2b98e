import type { Client } from '../../../schema/clients'
import { request } from './client'

/** The archived clients, to restore from ("Archive" on the board). */
export async function listArchived(signal?: AbortSignal): Promise<Client[]> {
  const body = await request<{ clients: Client[] }>('/api/clients?archived=true', { signal })
  return body.clients
}
