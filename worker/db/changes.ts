import type { BoardChange, ChangeEntity } from '../../schema/live'
import type { FeedBounds } from '../domain/live'
import { iso } from './time'

interface ChangeRow {
  id: number
  entity: ChangeEntity
  entity_id: string
  client_id: string | null
  kind: string
  version: number | null
  at: number
}

const toChange = (r: ChangeRow): BoardChange => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  clientId: r.client_id,
  kind: r.kind,
  version: r.version,
  at: iso(r.at),
})

/** The feed after a cursor, oldest first, at most `limit` rows. */
export const changesAfterQuery = (db: D1Database, since: number, limit: number) =>
  db.prepare('SELECT * FROM board_changes WHERE id > ?1 ORDER BY id LIMIT ?2').bind(since, limit)

export const changesFrom = (result: D1Result | undefined): BoardChange[] =>
  ((result?.results ?? []) as ChangeRow[]).map(toChange)

/** The first and last id the feed holds. */
export const boundsQuery = (db: D1Database) =>
  db.prepare('SELECT MIN(id) AS oldest, MAX(id) AS newest FROM board_changes')

export const boundsFrom = (result: D1Result | undefined): FeedBounds => {
  const row = (result?.results ?? [])[0] as Partial<FeedBounds> | undefined
  return { oldest: row?.oldest ?? null, newest: row?.newest ?? null }
}

/** The newest cursor as a statement (`id`, null for an empty feed), to batch with other reads. */
export const latestCursorQuery = (db: D1Database) =>
  db.prepare('SELECT MAX(id) AS id FROM board_changes')

/** The newest cursor (0 for an empty feed). */
export async function latestCursor(db: D1Database): Promise<number> {
  return (await latestCursorQuery(db).first<number>('id')) ?? 0
}

/**
 * Forgets changes older than `before`, always keeping the newest row: an empty feed could not
 * tell a reader who missed the forgotten changes from one who is up to date.
 */
export async function purgeChanges(db: D1Database, before: number) {
  await db
    .prepare('DELETE FROM board_changes WHERE at < ?1 AND id < (SELECT MAX(id) FROM board_changes)')
    .bind(before)
    .run()
}
