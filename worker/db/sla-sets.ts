/**
 * The SLA sweep's writes for a whole page of due cards, a handful of set-based statements
 * instead of several per card: the cards travel as one JSON parameter (`json_each`), every
 * statement keeps the per-card guard the single-card writes had, and everything after the
 * history events asks for the page's operation id (the events say which cards really changed).
 */

import { takesEvent } from './webhooks'

/** A card to mark at a level, as long as it is still in the stint the sweep read. */
export interface FlagItem {
  c: string
  s: string
  e: number
}

/** A card to send back one stage, as long as it still has the version the sweep read. */
export interface ReturnItem {
  c: string
  v: number
  from: string
  to: string
  p: string
  d: number | null
  d2: number | null
  data: string
}

/**
 * One alert on a card and who receives it (a note each, under the alert's dedupe key and the
 * recipient): the texts travel once per card, not once per recipient.
 */
export interface NoteItem {
  k: string
  c: string
  t: string
  b: string
  data: string
  key: string
  /** Recipients: the note's id and the member. */
  to: { id: string; m: string }[]
}

/** A webhook event to queue for each subscribed webhook, under the same condition. */
export interface OutboxItem {
  c: string
  key: string
  event: string
  payload: string
}

const item = (field: string) => `json_extract(j.value, '$.${field}')`
const landed = (client: string) =>
  `EXISTS (SELECT 1 FROM client_events WHERE client_id = ${client} AND op = ?2)`

/**
 * Marks cards overdue at `level` with their history events: the event only while the card is
 * still in the same stint of the same stage at the level below, the mark only where the event
 * was written. The version is not bumped (the clock's verdict is not an edit).
 */
export function flagPageStatements(
  db: D1Database,
  items: FlagItem[],
  level: 1 | 2,
  now: number,
  op: string,
) {
  if (items.length === 0) return []
  return [
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, from_stage_id, to_stage_id, version, data, at, op)
         SELECT c.id, 'overdue', c.stage_id, c.stage_id, c.version, ?3, ?4, ?2
         FROM json_each(?1) j JOIN clients c ON c.id = ${item('c')}
         WHERE c.stage_id = ${item('s')} AND c.entered_stage_at = ${item('e')}
           AND c.overdue_level = ?5 AND c.archived = 0`,
      )
      .bind(JSON.stringify(items), op, JSON.stringify({ level }), now, level - 1),
    db
      .prepare(
        `UPDATE clients SET overdue_level = ?2
         WHERE id IN (SELECT client_id FROM client_events WHERE op = ?1 AND kind = 'overdue')
           AND overdue_level = ?3`,
      )
      .bind(op, level, level - 1),
  ]
}

/**
 * Sends cards back one stage as moves: a `returned` event at the next version while the card
 * still has the version read, then the row (stage, key, clock, deadlines) where that event was
 * written. No WIP check: the sweep's return is not refused by a full column.
 */
export function returnPageStatements(db: D1Database, items: ReturnItem[], now: number, op: string) {
  if (items.length === 0) return []
  const json = JSON.stringify(items)
  return [
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, actor_id, from_stage_id, to_stage_id, version, data, at, op)
         SELECT c.id, 'returned', NULL, ${item('from')}, ${item('to')}, c.version + 1, ${item('data')}, ?3, ?2
         FROM json_each(?1) j JOIN clients c ON c.id = ${item('c')}
         WHERE c.version = ${item('v')} AND c.stage_id = ${item('from')} AND c.archived = 0`,
      )
      .bind(json, op, now),
    db
      .prepare(
        `UPDATE clients SET stage_id = r.to_stage, position = r.position, version = clients.version + 1,
           updated_at = ?3, entered_stage_at = ?3, due_at = r.due_at, due2_at = r.due2_at,
           overdue_level = 0
         FROM (SELECT ${item('c')} AS id, ${item('v')} AS version, ${item('to')} AS to_stage,
                 ${item('p')} AS position, ${item('d')} AS due_at, ${item('d2')} AS due2_at
               FROM json_each(?1) j) AS r
         WHERE clients.id = r.id AND clients.version = r.version AND ${landed('clients.id')}`,
      )
      .bind(json, op, now),
  ]
}

/** The page's notifications, each only if its card's event landed; dedupe keys as before. */
export function notePageStatement(db: D1Database, items: NoteItem[], now: number, op: string) {
  const to = (field: string) => `json_extract(r.value, '$.${field}')`
  return db
    .prepare(
      `INSERT INTO notifications (id, member_id, kind, client_id, title, body, data, dedupe_key, created_at)
       SELECT ${to('id')}, ${to('m')}, ${item('k')}, ${item('c')}, ${item('t')}, ${item('b')},
         ${item('data')}, ${item('key')} || ':' || ${to('m')}, ?3
       FROM json_each(?1) j, json_each(j.value, '$.to') r
       WHERE EXISTS (SELECT 1 FROM members WHERE id = ${to('m')}) AND ${landed(item('c'))}
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .bind(JSON.stringify(items), op, now)
}

/** The page's webhook events, queued per subscribed webhook if the card's event landed. */
export function outboxPageStatement(db: D1Database, items: OutboxItem[], now: number, op: string) {
  return db
    .prepare(
      `INSERT INTO webhook_deliveries (id, webhook_id, event, payload, next_attempt_at, created_at)
       SELECT ${item('key')} || ':' || w.id, w.id, ${item('event')}, ${item('payload')}, ?3, ?3
       FROM json_each(?1) j JOIN webhooks w
       WHERE ${takesEvent(item('event'))} AND ${landed(item('c'))}
       ON CONFLICT (id) DO NOTHING`,
    )
    .bind(JSON.stringify(items), op, now)
}
