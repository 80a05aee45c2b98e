import type { Flag, FlagKind } from '../../schema/flags'
import { iso, isoOrNull } from './time'

interface FlagRow {
  id: string
  client_id: string
  kind: FlagKind
  note: string
  owner_id: string | null
  sla_days: number
  raised_at: number
  raised_by: string | null
  due_at: number | null
  overdue_level: number
  resolved_at: number | null
  resolved_by: string | null
  resolution: string | null
  version: number
}

const toFlag = (r: FlagRow): Flag => ({
  id: r.id,
  clientId: r.client_id,
  kind: r.kind,
  note: r.note,
  ownerId: r.owner_id,
  slaDays: r.sla_days,
  raisedAt: iso(r.raised_at),
  raisedBy: r.raised_by,
  dueAt: isoOrNull(r.due_at),
  overdueLevel: r.overdue_level,
  resolvedAt: isoOrNull(r.resolved_at),
  resolvedBy: r.resolved_by,
  resolution: r.resolution,
  version: r.version,
})

/** A client's flags, open ones first, newest first. */
export async function listFlags(db: D1Database, clientId: string): Promise<Flag[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM client_flags WHERE client_id = ?1
       ORDER BY resolved_at IS NOT NULL, raised_at DESC, id`,
    )
    .bind(clientId)
    .all<FlagRow>()
  return results.map(toFlag)
}

export async function getFlag(db: D1Database, id: string): Promise<Flag | null> {
  const row = await db.prepare('SELECT * FROM client_flags WHERE id = ?1').bind(id).first<FlagRow>()
  return row ? toFlag(row) : null
}

/** The history event of a flag change, at the client's current version (a flag is its own record). */
function flagEvent(
  db: D1Database,
  clientId: string,
  kind: string,
  actorId: string | null,
  data: Record<string, unknown>,
  now: number,
  condition: string,
  params: unknown[],
) {
  return db
    .prepare(
      `INSERT INTO client_events (client_id, kind, actor_id, version, data, at)
       SELECT id, ?2, ?3, version, ?4, ?5 FROM clients WHERE id = ?1 AND ${condition}`,
    )
    .bind(clientId, kind, actorId, JSON.stringify(data), now, ...params)
}

export interface FlagInsert {
  id: string
  clientId: string
  kind: FlagKind
  note: string
  ownerId: string | null
  slaDays: number
  dueAt: number | null
  due2At: number | null
  actorId: string | null
  now: number
}

/**
 * Raises a flag and writes its event in one batch. The unique open-flag index refuses a second
 * open flag of a kind; the event is written only when the flag row exists after the insert.
 */
export async function insertFlag(db: D1Database, f: FlagInsert) {
  const data = { flagId: f.id, kind: f.kind, ownerId: f.ownerId, slaDays: f.slaDays, note: f.note }
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO client_flags (id, client_id, kind, note, owner_id, sla_days, raised_at,
           raised_by, due_at, due2_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?7)
         ON CONFLICT DO NOTHING`,
      )
      .bind(
        f.id,
        f.clientId,
        f.kind,
        f.note,
        f.ownerId,
        f.slaDays,
        f.now,
        f.actorId,
        f.dueAt,
        f.due2At,
      ),
    flagEvent(
      db,
      f.clientId,
      'flag_raised',
      f.actorId,
      data,
      f.now,
      'EXISTS (SELECT 1 FROM client_flags WHERE id = ?6)',
      [f.id],
    ),
  ])
  return (results[0]?.meta.changes ?? 0) > 0
}

export interface FlagUpdate {
  flag: Flag
  note: string
  ownerId: string | null
  resolution: string | null
  actorId: string | null
  now: number
}

/**
 * Edits or resolves an open flag if its version still matches; the history event goes first in
 * the batch under the same condition, so it is written exactly when the change lands.
 */
export async function updateFlag(db: D1Database, u: FlagUpdate) {
  const { flag } = u
  const resolves = u.resolution !== null
  const still =
    'EXISTS (SELECT 1 FROM client_flags WHERE id = ?6 AND version = ?7 AND resolved_at IS NULL)'
  const data = {
    flagId: flag.id,
    kind: flag.kind,
    ...(u.note !== flag.note ? { note: u.note } : {}),
    ...(u.ownerId !== flag.ownerId ? { ownerId: u.ownerId, previousOwnerId: flag.ownerId } : {}),
    ...(resolves ? { resolution: u.resolution } : {}),
  }
  const kind = resolves ? 'flag_resolved' : 'flag_updated'
  const results = await db.batch([
    flagEvent(db, flag.clientId, kind, u.actorId, data, u.now, still, [flag.id, flag.version]),
    db
      .prepare(
        `UPDATE client_flags SET note = ?1, owner_id = ?2, resolution = ?3,
           resolved_at = CASE WHEN ?3 IS NULL THEN NULL ELSE ?4 END,
           resolved_by = CASE WHEN ?3 IS NULL THEN NULL ELSE ?5 END,
           version = version + 1, updated_at = ?4
         WHERE id = ?6 AND version = ?7 AND resolved_at IS NULL`,
      )
      .bind(u.note, u.ownerId, u.resolution, u.now, u.actorId, flag.id, flag.version),
  ])
  return (results[1]?.meta.changes ?? 0) > 0
}
