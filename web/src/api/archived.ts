import type { Client } from '../../../schema/clients'
import { answer, api } from './client'

/** The archived clients, to restore from ("Archive" on the board). */
export async function listArchived(signal?: AbortSignal): Promise<Client[]> {
  const query = { archived: 'true' as const }
  return (await answer(api.GET('/api/clients', { params: { query }, signal }))).clients
}
