import type { Tier } from '../../schema/clients'
import type { FlowDelta, FlowRow } from '../domain/reports/flow'
import type { StageExit, StageVisit } from '../domain/reports/visits'
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

export function flowRowsOf(db: SqlRunner, day: string) {
  return db.all<{ stageId: string; tier: Tier; cards: number }>({
    sql: 'SELECT stage_id AS stageId, tier, cards FROM flow_snapshots WHERE day = ?1',
    params: [day],
  })
}

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
  const results = await db.all<Omit<FlowDelta, 'day'> & { d: number }>({
    sql: `WITH ev AS (
         SELECT e.at, e.kind, e.from_stage_id, e.to_stage_id, c.tier,
           CASE WHEN e.kind IN ('archived', 'restored') THEN (
             SELECT p.to_stage_id FROM client_events p
             WHERE p.client_id = e.client_id AND p.id < e.id AND p.to_stage_id IS NOT NULL
             ORDER BY p.id DESC LIMIT 1) END AS at_stage,
           CASE WHEN e.from_stage_id IS NULL OR
             (SELECT phase_id FROM stages WHERE id = e.from_stage_id) IS NOT
             (SELECT phase_id FROM stages WHERE id = e.to_stage_id) THEN 1 ELSE 0 END AS new_phase
         FROM client_events e JOIN clients c ON c.id = e.client_id
         WHERE e.kind IN ${STAGE_EVENTS} AND e.at >= ?1 AND e.at < ?2),
       d AS (
         SELECT at, to_stage_id AS stage_id, tier, 1 AS delta, 1 AS entered, new_phase
         FROM ev WHERE to_stage_id IS NOT NULL
         UNION ALL SELECT at, from_stage_id, tier, -1, 0, 0 FROM ev WHERE from_stage_id IS NOT NULL
         UNION ALL SELECT at, at_stage, tier, CASE kind WHEN 'archived' THEN -1 ELSE 1 END, 0, 0
         FROM ev WHERE at_stage IS NOT NULL)
       SELECT (at + ?3) / ${DAY_MS} AS d, stage_id AS stageId, tier, SUM(delta) AS delta,
         SUM(entered) AS entered, SUM(new_phase) AS enteredPhase
       FROM d GROUP BY 1, 2, 3`,
    params: [from, to, offsetMs],
  })
  return results.map(({ d, ...r }) => ({
    ...r,
    day: new Date(d * DAY_MS).toISOString().slice(0, 10),
  }))
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

/** Statements that store flow rows; a row already there (another run's) is kept. */
export function insertFlowStatements(rows: readonly FlowRow[]): Sql[] {
  return chunks(rows).map((part) => ({
    sql: `INSERT OR IGNORE INTO flow_snapshots (day, stage_id, tier, cards, entered, entered_phase)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
           json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]')
         FROM json_each(?1)`,
    params: [
      JSON.stringify(
        part.map((r) => [r.day, r.stageId, r.tier, r.cards, r.entered, r.enteredPhase]),
      ),
    ],
  }))
}

/** The newest move already measured: visits are written in event order. */
export async function lastVisitEvent(db: SqlRunner): Promise<number> {
  const sql = 'SELECT MAX(exit_event_id) AS id FROM stage_visits'
  const [row] = await db.all<{ id: number | null }>({ sql, params: [] })
  return row?.id ?? 0
}

interface ExitRow {
  exitEventId: number
  clientId: string
  kind: string
  stageId: string
  tier: string
  ownerId: string | null
  enteredAt: number | null
  leftAt: number
  slaDays: number
  fromOrder: number
  toOrder: number
  fromLastPhase: number
}

/** Moves out of a stage after event `afterId`, oldest first, with when the card had come in. */
export async function stageExits(db: SqlRunner, afterId: number, limit: number) {
  const results = await db.all<ExitRow>({
    sql: `SELECT e.id AS exitEventId, e.client_id AS clientId, e.kind, e.from_stage_id AS stageId,
         c.tier, e.at AS leftAt, fs.sla_days AS slaDays,
         fp.position * 1000 + fs.position AS fromOrder, tp.position * 1000 + ts.position AS toOrder,
         fp.position = (SELECT MAX(position) FROM phases) AS fromLastPhase,
         (SELECT p.at FROM client_events p WHERE p.client_id = e.client_id AND p.id < e.id
            AND p.to_stage_id IS NOT NULL ORDER BY p.id DESC LIMIT 1) AS enteredAt,
         (SELECT cp.member_id FROM client_people cp
            WHERE cp.client_id = e.client_id AND cp.role_id = fs.owner_role_id) AS ownerId
       FROM client_events e JOIN clients c ON c.id = e.client_id
       JOIN stages fs ON fs.id = e.from_stage_id JOIN phases fp ON fp.id = fs.phase_id
       JOIN stages ts ON ts.id = e.to_stage_id JOIN phases tp ON tp.id = ts.phase_id
       WHERE e.id > ?1 AND e.kind IN ('moved', 'returned') AND e.from_stage_id <> e.to_stage_id
       ORDER BY e.id LIMIT ?2`,
    params: [afterId, limit],
  })
  return results.map((r): StageExit => ({
    ...r,
    enteredAt: r.enteredAt ?? r.leftAt,
    fromLastPhase: r.fromLastPhase === 1,
  }))
}

/** Statements that store measured visits; one already stored (another run's) is kept. */
export function insertVisitStatements(visits: readonly StageVisit[]): Sql[] {
  return chunks(visits).map((part) => ({
    sql: `INSERT OR IGNORE INTO stage_visits (exit_event_id, client_id, stage_id, tier, owner_id,
           entered_at, left_at, working_ms, sla_ms, returned)
         SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
           json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'),
           json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'),
           json_extract(value, '$[9]')
         FROM json_each(?1)`,
    params: [
      JSON.stringify(
        part.map((v) => [
          v.exitEventId,
          v.clientId,
          v.stageId,
          v.tier,
          v.ownerId,
          v.enteredAt,
          v.leftAt,
          Math.round(v.workingMs),
          v.slaMs,
          v.returned ? 1 : 0,
        ]),
      ),
    ],
  }))
}
