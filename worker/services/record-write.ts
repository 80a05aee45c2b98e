import { cardState, runRecordChange } from '../db/record-change'
import { AppError, notFound } from '../errors'

/**
 * Commits one record change's batch, or says why it did not land: no such card (404), an
 * archived card (409), else whatever `stale` says (the entity changed meanwhile).
 */
export async function commitRecordChange(
  db: D1Database,
  clientId: string,
  statements: D1PreparedStatement[],
  stale: () => Promise<AppError>,
): Promise<void> {
  if (await runRecordChange(db, statements)) return
  const state = await cardState(db, clientId)
  if (state === 'missing') throw notFound('Client', clientId)
  if (state === 'archived') throw new AppError(409, 'archived', `Client ${clientId} is archived`)
  throw await stale()
}

/** A 422 naming one field, for what only the server can check (a list entry, a contact). */
export const fieldError = (field: string, message: string) =>
  new AppError(422, 'invalid', message, {}, { [field]: [message] })
