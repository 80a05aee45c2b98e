import type { ChangesPage } from '../../schema/live'
import {
  boundsFrom,
  boundsQuery,
  changesAfterQuery,
  changesFrom,
  latestCursor,
} from '../db/changes'
import { getClientsByIds } from '../db/clients'
import { coalesce, mustReset } from '../domain/live'

/** More missed changes than this and a reader reloads the board instead of catching up. */
export const FEED_PAGE = 500

/**
 * What changed after `since`, coalesced, with the cards those changes touched as they are now
 * (read after the changes, so never older than them). `since` 0 answers only the cursor, for
 * a client that starts following the feed (the board takes it with its cards from /api/board).
 */
export async function readChanges(
  db: D1Database,
  since: number,
  limit = FEED_PAGE,
): Promise<ChangesPage> {
  // since=0 asks only where the feed is: no page of changes to read and drop.
  if (since === 0) {
    return { from: 0, changes: [], clients: [], cursor: await latestCursor(db), reset: false }
  }
  const [rowsRead, boundsRead] = await db.batch([
    changesAfterQuery(db, since, limit + 1),
    boundsQuery(db),
  ])
  const rows = changesFrom(rowsRead)
  const bounds = boundsFrom(boundsRead)
  const newest = bounds.newest ?? 0
  const empty = { from: since, changes: [], clients: [] }
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
