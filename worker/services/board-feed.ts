import type { ChangesPage } from '../../schema/live'
import { boundsFrom, boundsQuery, changesAfterQuery, changesFrom } from '../db/changes'
import { getClientsByIds } from '../db/clients'
import { coalesce, mustReset } from '../domain/live'

/** More missed changes than this and a reader reloads the board instead of catching up. */
export const FEED_PAGE = 500

/**
 * What changed after `since`, coalesced, with the cards those changes touched as they are now
 * (read after the changes, so never older than them). `since` 0 answers only the cursor: a
 * board takes it before loading its data, then catches up from it.
 */
export async function readChanges(
  db: D1Database,
  since: number,
  limit = FEED_PAGE,
): Promise<ChangesPage> {
  const [rowsRead, boundsRead] = await db.batch([
    changesAfterQuery(db, since, limit + 1),
    boundsQuery(db),
  ])
  const rows = changesFrom(rowsRead)
  const bounds = boundsFrom(boundsRead)
  const newest = bounds.newest ?? 0
  const empty = { from: since, changes: [], clients: [] }
  if (since === 0) return { ...empty, cursor: newest, reset: false }
  if (mustReset(since, bounds, rows.length, limit)) return { ...empty, cursor: newest, reset: true }
  const changes = coalesce(rows)
  const cardIds = changes.filter((c) => c.entity === 'client').map((c) => c.entityId)
  return {
    from: since,
    cursor: rows.at(-1)?.id ?? since,
    reset: false,
    changes,
    clients: await getClientsByIds(db, cardIds),
  }
}
