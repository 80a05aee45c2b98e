import type { FlagKind } from '../../schema/flags'

/** An open flag past one of its deadlines, with what the sweep needs to notify. */
export interface DueFlag {
  id: string
  client_id: string
  kind: FlagKind
  owner_id: string | null
  sla_days: number
  due2_at: number | null
  company: string
}

/**
 * Open flags of live cards whose deadline for `level` (1: the SLA, 2: twice the SLA) has passed
 * and that are not marked yet; read through a partial index, oldest deadline first.
 */
export async function dueFlags(db: D1Database, level: 1 | 2, now: number, limit: number) {
  const due = level === 1 ? 'f.due_at' : 'f.due2_at'
  const { results } = await db
    .prepare(
      `SELECT f.id, f.client_id, f.kind, f.owner_id, f.sla_days, f.due2_at, c.company
       FROM client_flags f JOIN clients c ON c.id = f.client_id
       WHERE f.resolved_at IS NULL AND f.overdue_level = ?1 AND ${due} <= ?2 AND c.archived = 0
       ORDER BY ${due} LIMIT ?3`,
    )
    .bind(level - 1, now, limit)
    .all<DueFlag>()
  return results
}

/** One inbox entry the sweep sends for a flag. */
export interface FlagAlert {
  flagId: string
  memberId: string
  clientId: string
  title: string
  body: string
  data: Record<string, unknown>
  dedupeKey: string
}

/** Still open and not yet marked at `level`: every statement of a page checks this. */
const UNMARKED = 'f.resolved_at IS NULL AND f.overdue_level = ?2 - 1'

/**
 * Marks a page of flags overdue at `level` in three set-based statements: history events,
 * inbox entries, then the mark. The first two hold only for flags still unmarked, so a second or
 * concurrent run (its batch sees the mark) writes nothing; dedupe keys make doubly sure.
 */
export function markStatements(
  db: D1Database,
  ids: readonly string[],
  alerts: readonly FlagAlert[],
  level: 1 | 2,
  now: number,
) {
  const idList = JSON.stringify(ids)
  return [
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, version, data, at)
         SELECT f.client_id, 'flag_overdue', c.version,
           json_object('flagId', f.id, 'kind', f.kind, 'level', ?2, 'ownerId', f.owner_id), ?3
         FROM client_flags f JOIN clients c ON c.id = f.client_id
         WHERE f.id IN (SELECT value FROM json_each(?1)) AND ${UNMARKED}`,
      )
      .bind(idList, level, now),
    db
      .prepare(
        `INSERT INTO notifications (id, member_id, kind, client_id, title, body, data, dedupe_key,
           created_at)
         SELECT lower(hex(randomblob(16))), a.value ->> '$.memberId', 'flag_overdue', f.client_id,
           a.value ->> '$.title', a.value ->> '$.body', a.value ->> '$.data',
           a.value ->> '$.dedupeKey', ?3
         FROM json_each(?1) a JOIN client_flags f ON f.id = a.value ->> '$.flagId'
         WHERE ${UNMARKED} AND EXISTS (SELECT 1 FROM members WHERE id = a.value ->> '$.memberId')
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .bind(
        JSON.stringify(alerts.map((a) => ({ ...a, data: JSON.stringify(a.data) }))),
        level,
        now,
      ),
    db
      .prepare(
        `UPDATE client_flags AS f SET overdue_level = ?2
         WHERE f.id IN (SELECT value FROM json_each(?1)) AND ${UNMARKED}`,
      )
      .bind(idList, level),
  ]
}

/** Cards whose stage deadlines wait for the Worker's clock (queued by migration 0016). */
export async function deadlinesToRefresh(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT d.client_id, c.entered_stage_at, s.sla_days FROM deadline_refresh d
       JOIN clients c ON c.id = d.client_id JOIN stages s ON s.id = c.stage_id`,
    )
    .all<{ client_id: string; entered_stage_at: number; sla_days: number }>()
  return results
}

/**
 * Writes the deadlines (only for a card still in the stint they were computed for) and takes the
 * cards off the queue, in one batch.
 */
export function refreshStatements(
  db: D1Database,
  rows: readonly { id: string; enteredAt: number; dueAt: number | null; due2At: number | null }[],
) {
  return [
    db
      .prepare(
        `UPDATE clients AS c SET due_at = r.value ->> '$.dueAt', due2_at = r.value ->> '$.due2At'
         FROM json_each(?1) r
         WHERE c.id = r.value ->> '$.id' AND c.entered_stage_at = r.value ->> '$.enteredAt'
           AND c.due_at IS NULL`,
      )
      .bind(JSON.stringify(rows)),
    db
      .prepare('DELETE FROM deadline_refresh WHERE client_id IN (SELECT value FROM json_each(?1))')
      .bind(JSON.stringify(rows.map((r) => r.id))),
  ]
}
