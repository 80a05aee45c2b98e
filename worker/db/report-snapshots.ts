import type { Tier } from '../../schema/clients'
import type { FlowDelta, FlowRow } from '../domain/reports/flow'
import type { WorkingWindow } from '../domain/reports/working-time-index'
import { jsonRowsOf, jsonTuplesSql } from './json-rows'
import type { Sql, SqlRunner } from './sql-runner'

/** The kinds of event that put a card into a stage or take it out. */
const STAGE_EVENTS = `('created', 'moved', 'returned', 'archived', 'restored')`
const DAY_MS = 86_400_000
/**
 * Rows per INSERT … SELECT FROM json_each(?): one bound parameter, kept under 100 kB so the
 * statement also fits D1's statement size when the seed writes the JSON in as a literal.
 */
const CHUNK = 400

/** The last local day with stored flow rows, or null before the first run. */
export async function lastFlowDay(db: SqlRunner): Promise<string | null> {
  const sql = 'SELECT MAX(day) AS day FROM flow_snapshots'
  const [row] = await db.all<{ day: string | null }>({ sql, params: [] })
  return row?.day ?? null
}

export async function firstEventAt(db: SqlRunner): Promise<number | null> {
  const sql = 'SELECT MIN(at) AS at FROM client_events'
  const [row] = await db.all<{ at: number | null }>({ sql, params: [] })
  return row?.at ?? null
}

/** A stored day's cards per stage and tier (the tiers unpacked from each stage's row, 0026). */
export async function flowRowsOf(db: SqlRunner, day: string) {
  const rows = await db.all<{ stageId: string; tiers: string }>({
    sql: 'SELECT stage_id AS stageId, tiers FROM flow_snapshots WHERE day = ?1',
    params: [day],
  })
  return rows.flatMap((r) =>
    Object.entries(JSON.parse(r.tiers) as Record<Tier, TierFlow>).map(([tier, [cards]]) => ({
      stageId: r.stageId,
      tier: tier as Tier,
      cards,
    })),
  )
}

/** A tier's cards, entries and entries from another phase in a stage's row (see 0026). */
type TierFlow = [cards: number, entered: number, enteredPhase: number]

/**
 * Per local day, stage and tier: cards in minus cards out, entries, and entries from another
 * phase, for events in [from, to). An archived card leaves the stage it was at (the last one an
 * event took it to) and a restored one comes back there. Days are cut at the zone's offset at
 * `from` (a daylight-saving shift moves at most an hour of events across midnight).
 */
export async function flowDeltas(
  db: SqlRunner,
  from: number,
  to: number,
  offsetMs: number,
): Promise<FlowDelta[]> {
  const results = await db.all<{ rows: string }>({
    // Events are grouped by day and move first, so the phase lookups and the unfolding into
    // ins and outs run per group (thousands) instead of per event (a year: hundreds of thousands).
    // D1 binds numbers as reals: the day is cast to a whole number so the groups form.
    // The rows (a year: tens of thousands) come as one JSON text (json-rows.ts): ~50 ms less on
    // the first run than cell by cell through D1's binding.
    sql: jsonTuplesSql(
      `WITH g AS (
         SELECT CAST((e.at + ?3) / ${DAY_MS} AS INTEGER) AS d, e.kind, e.from_stage_id, e.to_stage_id, c.tier,
           CASE WHEN e.kind IN ('archived', 'restored') THEN (
             SELECT p.to_stage_id FROM client_events p
             WHERE p.client_id = e.client_id AND p.id < e.id AND p.to_stage_id IS NOT NULL
             ORDER BY p.id DESC LIMIT 1) END AS at_stage, COUNT(*) AS n
         FROM client_events e JOIN clients c INDEXED BY clients_by_id_tier ON c.id = e.client_id
         WHERE e.kind IN ${STAGE_EVENTS} AND e.at >= ?1 AND e.at < ?2
         GROUP BY 1, 2, 3, 4, 5, 6),
       ev AS (
         SELECT g.*, CASE WHEN g.from_stage_id IS NULL OR
             (SELECT phase_id FROM stages WHERE id = g.from_stage_id) IS NOT
             (SELECT phase_id FROM stages WHERE id = g.to_stage_id) THEN 1 ELSE 0 END AS new_phase
         FROM g),
       dd AS (
         SELECT d, to_stage_id AS stage_id, tier, n AS delta, n AS entered, new_phase * n AS new_phase
         FROM ev WHERE to_stage_id IS NOT NULL
         UNION ALL SELECT d, from_stage_id, tier, -n, 0, 0 FROM ev WHERE from_stage_id IS NOT NULL
         UNION ALL SELECT d, at_stage, tier, CASE kind WHEN 'archived' THEN -n ELSE n END, 0, 0
         FROM ev WHERE at_stage IS NOT NULL)
       SELECT d, stage_id AS stageId, tier, SUM(delta) AS delta, SUM(entered) AS entered,
         SUM(new_phase) AS enteredPhase
       FROM dd GROUP BY 1, 2, 3`,
      ['d', 'stageId', 'tier', 'delta', 'entered', 'enteredPhase'],
    ),
    params: [from, to, offsetMs],
  })
  type Tuple = [
    d: number,
    stageId: string,
    tier: Tier,
    delta: number,
    entered: number,
    enteredPhase: number,
  ]
  return jsonRowsOf<Tuple>({ results }).map(([d, stageId, tier, delta, entered, enteredPhase]) => ({
    day: new Date(d * DAY_MS).toISOString().slice(0, 10),
    stageId,
    tier,
    delta,
    entered,
    enteredPhase,
  }))
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

/** The flow rows of each day and stage, their tiers side by side (0026). */
function byStage(rows: readonly FlowRow[]) {
  const out = new Map<
    string,
    [string, string, number, number, number, Partial<Record<Tier, TierFlow>>]
  >()
  for (const r of rows) {
    const k = `${r.day} ${r.stageId}`
    const row = out.get(k) ?? [r.day, r.stageId, 0, 0, 0, {}]
    row[2] += r.cards
    row[3] += r.entered
    row[4] += r.enteredPhase
    row[5][r.tier] = [r.cards, r.entered, r.enteredPhase]
    out.set(k, row)
  }
  return [...out.values()]
}

/** Statements that store flow rows; a day's stage already there (another run's) is kept. */
export function insertFlowStatements(rows: readonly FlowRow[]): Sql[] {
  return chunks(byStage(rows)).map((part) => ({
    sql: `INSERT OR IGNORE INTO flow_snapshots (day, stage_id, cards, entered, entered_phase, tiers)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
           json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]')
         FROM json_each(?1)`,
    params: [JSON.stringify(part)],
  }))
}

/** Every stage exit up to this event id is measured (0 before the first run). */
export async function visitsMark(db: SqlRunner): Promise<number> {
  const sql = "SELECT value FROM report_marks WHERE name = 'visits'"
  const [row] = await db.all<{ value: number }>({ sql, params: [] })
  return row?.value ?? 0
}

/** Raises the mark (never lowers it: a concurrent run may have gone further). */
export const raiseVisitsMark = (eventId: number): Sql => ({
  sql: `INSERT INTO report_marks (name, value) VALUES ('visits', ?1)
       ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value)`,
  params: [eventId],
})

/**
 * The events after the mark: the newest id, the time span, and the clients they belong to (not
 * read for the first run, which measures every client).
 */
export async function eventsSince(db: SqlRunner, afterId: number) {
  const [span] = await db.all<{ last: number | null; first: number | null; end: number | null }>({
    sql: 'SELECT MAX(id) AS last, MIN(at) AS first, MAX(at) AS end FROM client_events WHERE id > ?1',
    params: [afterId],
  })
  if (!span?.last) return null
  const clients =
    afterId === 0
      ? []
      : await db.all<{ id: string }>({
          sql: `SELECT DISTINCT client_id AS id FROM client_events WHERE id > ?1 AND id <= ?2
       ORDER BY client_id`,
          params: [afterId, span.last],
        })
  return {
    last: span.last,
    first: span.first ?? 0,
    end: span.end ?? 0,
    clients: clients.map((c) => c.id),
  }
}

/** Replaces the stored working windows (see working-time-index.ts) in one atomic batch. */
export function windowStatements(windows: readonly WorkingWindow[]): Sql[] {
  return [
    { sql: 'DELETE FROM working_windows', params: [] },
    ...chunks(windows).map((part) => ({
      sql: `INSERT OR REPLACE INTO working_windows (start_at, end_at, before_ms)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
         FROM json_each(?1)`,
      params: [JSON.stringify(part.map((w) => [w.start, w.end, w.before]))],
    })),
  ]
}

/** Working time from the first stored window up to instant `t` (an SQL expression). */
const upTo = (t: string) =>
  `COALESCE((SELECT w.before_ms + MIN(MAX(0, ${t} - w.start_at), w.end_at - w.start_at)
     FROM working_windows w WHERE w.start_at <= ${t} ORDER BY w.start_at DESC LIMIT 1), 0)`

/**
 * Measures, set-based, the stage exits of the given clients with event ids in (afterId, lastId]:
 * a move out of a stage, or an archive (the card leaves the stage it is at). The visit began at
 * the stage event before it (a move in, or the restore that brought the card back). Working time
 * comes from the stored windows; the owner is the client's person for the stage's owner role
 * now. A return is the clock sending the card back, or a move to an earlier stage (except
 * renewal's way back into account care). Rows already there (another run's) are kept.
 * `clientIds` null = every client (the first run): the visits are then written in id order.
 * The events are read in one walk of the client index, which holds their stage columns (0025), so
 * the history is neither sorted nor read row by row. Each event's working time from the first
 * window is taken once, and the previous stage event's comes with it (LAG), instead of both
 * being looked up again per visit and once more for its duration bucket.
 */
export function measureVisitsStatement(
  clientIds: readonly string[] | null,
  afterId: number,
  lastId: number,
  offsetMs: number,
  workdayMs: number,
): Sql {
  return {
    sql: `INSERT OR IGNORE INTO stage_visits (exit_event_id, client_id, stage_id, tier, owner_id,
         entered_at, left_at, day, working_ms, bucket, sla_ms, returned, archived)
       WITH ev AS (
         SELECT e.id, e.client_id, e.kind, e.at, e.from_stage_id, e.to_stage_id,
           LAG(e.at) OVER w AS prev_at, ${upTo('e.at')} AS u, LAG(${upTo('e.at')}) OVER w AS prev_u
         FROM client_events e INDEXED BY client_events_by_client
         WHERE ${clientIds === null ? '?1 IS NULL' : 'e.client_id IN (SELECT value FROM json_each(?1))'}
           AND e.id <= ?3 AND e.kind IN ${STAGE_EVENTS}
         WINDOW w AS (PARTITION BY e.client_id ORDER BY e.id)),
       m AS (
         SELECT ev.id, ev.client_id, ev.kind, ev.at, ev.to_stage_id, COALESCE(ev.prev_at, ev.at) AS a,
           MAX(0, ev.u - COALESCE(ev.prev_u, ev.u)) AS wms,
           CASE WHEN ev.kind = 'archived' THEN (
             SELECT p.to_stage_id FROM client_events p WHERE p.client_id = ev.client_id
               AND p.id < ev.id AND p.to_stage_id IS NOT NULL ORDER BY p.id DESC LIMIT 1)
             ELSE ev.from_stage_id END AS stage_id
         FROM ev WHERE ev.id > ?2 AND (ev.kind = 'archived'
           OR (ev.kind IN ('moved', 'returned') AND ev.from_stage_id <> ev.to_stage_id)))
       SELECT m.id, m.client_id, m.stage_id, c.tier,
         cp.member_id,
         m.a, m.at, date((m.at + ?4) / 1000, 'unixepoch'), m.wms,
         (SELECT MAX(lower_ms) FROM duration_buckets WHERE lower_ms <= m.wms),
         fs.sla_days * ?5,
         CASE WHEN m.kind = 'returned' THEN 1 WHEN m.kind = 'archived' THEN 0
           WHEN tp.position * 1000 + ts.position < fp.position * 1000 + fs.position
             AND fp.position < (SELECT MAX(position) FROM phases) THEN 1 ELSE 0 END,
         m.kind = 'archived'
       FROM m JOIN clients c INDEXED BY clients_by_id_tier ON c.id = m.client_id
       JOIN stages fs ON fs.id = m.stage_id JOIN phases fp ON fp.id = fs.phase_id
       LEFT JOIN client_people cp ON cp.client_id = m.client_id AND cp.role_id = fs.owner_role_id
       LEFT JOIN stages ts ON ts.id = m.to_stage_id LEFT JOIN phases tp ON tp.id = ts.phase_id
       ${clientIds === null ? 'ORDER BY m.id' : ''}`,
    params: [
      clientIds === null ? null : JSON.stringify(clientIds),
      afterId,
      lastId,
      offsetMs,
      workdayMs,
    ],
  }
}

/**
 * Raises the furthest journey place reached by the cards of the visits measured in (afterId,
 * lastId] (the funnel reads it): a range of the primary key, so no index by client is kept up.
 */
export const raiseReachStatement = (afterId: number, lastId: number): Sql => ({
  sql: `INSERT INTO client_reach (client_id, max_order)
       SELECT v.client_id, MAX(p.position * 1000 + s.position)
       FROM stage_visits v JOIN stages s ON s.id = v.stage_id JOIN phases p ON p.id = s.phase_id
       WHERE v.exit_event_id > ?1 AND v.exit_event_id <= ?2 GROUP BY v.client_id
       ON CONFLICT (client_id) DO UPDATE SET max_order = MAX(max_order, excluded.max_order)`,
  params: [afterId, lastId],
})

/**
 * The secondary indexes the reports read stage visits by (as 0021 and 0022 create them). Kept up
 * row by row they cost more than measuring a year of visits, so the first run drops them and
 * every run ends by creating any that are missing (sorted once). Reports name none of them (no
 * INDEXED BY): while they are missing a report is slower, never an error.
 */
const VISIT_INDEXES = [
  ['stage_visits_by_day', '(day, stage_id)'],
  ['stage_visits_by_stage', '(stage_id, day)'],
  ['stage_visits_by_owner_client', '(owner_id, left_at, client_id)'],
  ['stage_visits_by_length', '(working_ms)'],
] as const

export const dropVisitIndexStatements = (): Sql[] =>
  VISIT_INDEXES.map(([name]) => ({ sql: `DROP INDEX IF EXISTS ${name}`, params: [] }))

export const createVisitIndexStatements = (): Sql[] =>
  VISIT_INDEXES.map(([name, columns]) => ({
    sql: `CREATE INDEX IF NOT EXISTS ${name} ON stage_visits ${columns}`,
    params: [],
  }))

/**
 * Rebuilds the per-day aggregates of the local days from `days.from` to `days.to` from the
 * visits: what the time in stage and SLA reports read; `null`: every day (the first run). Delete and insert in
 * one atomic batch, so a run at the same time only ever sees whole days, and the last rebuild
 * counts every visit once. Every day is read in one pass over the table instead of by the day
 * index: a year of visits looked up row by row from the index costs twice the pass, its sort and
 * the per-day statements.
 */
export function rebuildVisitStatsStatements(days: { from: string; to: string } | null): Sql[] {
  const params = days ? [days.from, days.to] : []
  const inDays = days ? 'day >= ?1 AND day <= ?2' : 'TRUE'
  const visits = `stage_visits${days ? '' : ' NOT INDEXED'} WHERE ${inDays} AND archived = 0`
  return [
    { sql: `DELETE FROM visit_buckets WHERE ${inDays}`, params },
    {
      sql: `INSERT INTO visit_buckets (day, stage_id, tier, bucket, visits, within, returns, max_ms,
           total_ms)
         SELECT day, stage_id, tier, bucket, COUNT(*), SUM(working_ms <= sla_ms), SUM(returned),
           MAX(working_ms), SUM(working_ms)
         FROM ${visits}
         GROUP BY day, stage_id, tier, bucket`,
      params,
    },
    { sql: `DELETE FROM visit_owners WHERE ${inDays}`, params },
    {
      sql: `INSERT INTO visit_owners (day, owner_id, stage_id, tier, visits, within, returns)
         SELECT day, COALESCE(owner_id, ''), stage_id, tier, COUNT(*), SUM(working_ms <= sla_ms),
           SUM(returned)
         FROM ${visits}
         GROUP BY day, COALESCE(owner_id, ''), stage_id, tier`,
      params,
    },
  ]
}
