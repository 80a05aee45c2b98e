import type { Client } from '../../schema/clients'
import { getClient } from '../db/clients'
import { cardState } from '../db/record-change'
import { notFound } from '../errors'

/**
 * A 404 naming the client unless it exists (live or archived): the first step of the routes
 * under `/clients/:id` that only need to know that. One primary-key row, not the whole card.
 */
export async function assertClientExists(db: D1Database, id: string): Promise<void> {
  if ((await cardState(db, id)) === 'missing') throw notFound('Client', id)
}

/** The client's card, or a 404 naming it. */
export async function requireClient(db: D1Database, id: string): Promise<Client> {
  const client = await getClient(db, id)
  if (!client) throw notFound('Client', id)
  return client
}
