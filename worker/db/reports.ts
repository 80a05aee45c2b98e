import type { Tier } from '../../schema/clients'
import type { BucketRow } from '../domain/reports/percentiles'

/** Which stage visits a report reads: finished in [from, to), narrowed by the filters. */
export interface VisitScope {
  from: number
  to: number
  /** The same period as inclusive local dates, for the per-day aggregates. */
  fromDay: string
  toDay: string
  phaseId: string | null
  tier: Tier | null
  roleId: string | null
  /** Owners to count (the caller's team, a member); null = everyone. */
  owners: string[] | null
}

/** Conditions joined by AND, with their `?` parameters in the same order. */
function clauses() {
  const sql: string[] = []
  const params: unknown[] = []
  const add = (clause: string, ...values: unknown[]) => {
    sql.push(clause)
    params.push(...values)
  }
  return { sql, params, add }
}

/** Builds the WHERE of a visit query; `?` placeholders in order, owners as one JSON list. */
function visitWhere(s: VisitScope) {
  const { sql, params, add } = clauses()
  add('v.left_at >= ? AND v.left_at < ? AND v.archived = 0', s.from, s.to)
  if (s.phaseId !== null) add('s.phase_id = ?', s.phaseId)
  if (s.tier !== null) add('v.tier = ?', s.tier)
  if (s.roleId !== null) add('s.owner_role_id = ?', s.roleId)
  if (s.owners !== null) {
    add('v.owner_id IN (SELECT value FROM json_each(?))', JSON.stringify(s.owners))
  }
  return { sql: sql.join(' AND '), params }
}

/**
 * A figure of a flow snapshot row (alias f): the stage's total, or the part of the tier bound at
 * `?n` when one is (0026 keeps each tier's [cards, entered, entered_phase] in its JSON).
 */
function flowOf(column: 'cards' | 'entered' | 'entered_phase', n: number) {
  const i = { cards: 0, entered: 1, entered_phase: 2 }[column]
  return `CASE WHEN ?${n} IS NULL THEN f.${column}
    ELSE COALESCE(json_extract(f.tiers, '$.' || ?${n} || '[${i}]'), 0) END`
}

const VISITS = 'stage_visits v JOIN stages s ON s.id = v.stage_id'

/** The WHERE of an aggregate query (alias v, stages s): days, phase, tier, role. */
function dayWhere(s: VisitScope) {
  const { sql, params, add } = clauses()
  add('v.day >= ? AND v.day <= ?', s.fromDay, s.toDay)
  if (s.phaseId !== null) add('s.phase_id = ?', s.phaseId)
  if (s.tier !== null) add('v.tier = ?', s.tier)
  if (s.roleId !== null) add('s.owner_role_id = ?', s.roleId)
  return { sql: sql.join(' AND '), params }
}

/**
 * Per stage and duration bucket: visits, within SLA, returns and the longest. Everyone's come
 * from the per-day buckets; the owners' (a team, a member) from their visits, by the owner index.
 */
export async function stageBuckets(db: D1Database, scope: VisitScope): Promise<BucketRow[]> {
  const w = scope.owners === null ? dayWhere(scope) : visitWhere(scope)
  const sql =
    scope.owners === null
      ? `SELECT v.stage_id AS stageId, v.bucket, SUM(v.visits) AS visits, SUM(v.within) AS within,
           SUM(v.returns) AS returns, MAX(v.max_ms) AS maxMs
         FROM visit_buckets v JOIN stages s ON s.id = v.stage_id WHERE ${w.sql}
         GROUP BY v.stage_id, v.bucket`
      : `SELECT v.stage_id AS stageId, v.bucket, COUNT(*) AS visits,
           SUM(v.working_ms <= v.sla_ms) AS within, SUM(v.returned) AS returns,
           MAX(v.working_ms) AS maxMs
         FROM ${VISITS} WHERE ${w.sql} GROUP BY v.stage_id, v.bucket`
  const { results } = await db
    .prepare(sql)
    .bind(...w.params)
    .all<BucketRow>()
  return results
}

export interface SlowVisit {
  clientId: string
  company: string
  stageId: string
  workingMs: number
  slaMs: number
  enteredAt: number
  leftAt: number | null
}

/** The finished visits that took longest, in working time. */
export async function slowestVisits(db: D1Database, scope: VisitScope, limit: number) {
  const w = visitWhere(scope)
  const { results } = await db
    .prepare(
      `SELECT v.client_id AS clientId, c.company, v.stage_id AS stageId, v.working_ms AS workingMs,
         v.sla_ms AS slaMs, v.entered_at AS enteredAt, v.left_at AS leftAt
       FROM stage_visits v JOIN stages s ON s.id = v.stage_id
       JOIN clients c ON c.id = v.client_id
       WHERE ${w.sql} ORDER BY v.working_ms DESC LIMIT ${limit}`,
    )
    .bind(...w.params)
    .all<SlowVisit>()
  return results
}

/** Live cards that have sat longest in their stage (by the wall clock), for the slowest list. */
export async function longestOpen(
  db: D1Database,
  scope: Omit<VisitScope, 'from' | 'to'>,
  limit: number,
) {
  const { sql, params, add } = clauses()
  add('c.archived = 0')
  if (scope.phaseId !== null) add('s.phase_id = ?', scope.phaseId)
  if (scope.tier !== null) add('c.tier = ?', scope.tier)
  if (scope.roleId !== null) add('s.owner_role_id = ?', scope.roleId)
  if (scope.owners !== null) {
    add(
      `(SELECT p.member_id FROM client_people p WHERE p.client_id = c.id
        AND p.role_id = s.owner_role_id) IN (SELECT value FROM json_each(?))`,
      JSON.stringify(scope.owners),
    )
  }
  const { results } = await db
    .prepare(
      `SELECT c.id AS clientId, c.company, c.stage_id AS stageId, s.sla_days AS slaDays,
         c.entered_stage_at AS enteredAt
       FROM clients c INDEXED BY clients_by_entered_stage JOIN stages s ON s.id = c.stage_id
       WHERE ${sql.join(' AND ')} ORDER BY c.entered_stage_at LIMIT ${limit}`,
    )
    .bind(...params)
    .all<{
      clientId: string
      company: string
      stageId: string
      slaDays: number
      enteredAt: number
    }>()
  return results
}

export interface SlaRow {
  dimension: 'stage' | 'role' | 'member' | 'grade'
  key: string | null
  visits: number
  within: number
  returns: number
}

/**
 * Visits within SLA and returns, by stage, by the stage's owner role, by owner and by grade:
 * everyone's from the per-day owner aggregates, the owners' from their visits.
 */
export async function slaCompliance(db: D1Database, scope: VisitScope) {
  const w = scope.owners === null ? dayWhere(scope) : visitWhere(scope)
  const source =
    scope.owners === null
      ? `SELECT v.stage_id, s.owner_role_id, NULLIF(v.owner_id, '') AS owner_id, v.visits,
           v.within, v.returns FROM visit_owners v JOIN stages s ON s.id = v.stage_id WHERE ${w.sql}`
      : `SELECT v.stage_id, s.owner_role_id, v.owner_id, 1 AS visits, v.working_ms <= v.sla_ms AS within,
           v.returned AS returns FROM ${VISITS} WHERE ${w.sql}`
  const { results } = await db
    .prepare(
      `WITH f AS MATERIALIZED (SELECT stage_id, owner_role_id, owner_id, SUM(visits) AS visits,
           SUM(within) AS within, SUM(returns) AS returns
         FROM (${source}) GROUP BY stage_id, owner_id)
       SELECT 'stage' AS dimension, stage_id AS key, SUM(visits) AS visits, SUM(within) AS within,
         SUM(returns) AS returns FROM f GROUP BY stage_id
       UNION ALL SELECT 'role', owner_role_id, SUM(visits), SUM(within), SUM(returns) FROM f
         GROUP BY owner_role_id
       UNION ALL SELECT 'member', owner_id, SUM(visits), SUM(within), SUM(returns) FROM f
         GROUP BY owner_id
       UNION ALL SELECT 'grade', m.grade, SUM(visits), SUM(within), SUM(returns)
         FROM f LEFT JOIN members m ON m.id = f.owner_id GROUP BY m.grade`,
    )
    .bind(...w.params)
    .all<SlaRow>()
  return results
}

/** Cards per day and per stage (or per phase), from the snapshots. */
export async function flowByDay(
  db: D1Database,
  fromDay: string,
  toDay: string,
  phaseId: string | null,
  tier: Tier | null,
  roleId: string | null,
) {
  const group = phaseId === null ? 's.phase_id' : 'f.stage_id'
  const { results } = await db
    .prepare(
      `SELECT f.day, ${group} AS key, SUM(${flowOf('cards', 4)}) AS cards
       FROM flow_snapshots f JOIN stages s ON s.id = f.stage_id
       WHERE f.day >= ?1 AND f.day <= ?2 AND (?3 IS NULL OR s.phase_id = ?3)
         AND (?5 IS NULL OR s.owner_role_id = ?5)
       GROUP BY f.day, ${group}`,
    )
    .bind(fromDay, toDay, phaseId, tier, roleId)
    .all<{ day: string; key: string; cards: number }>()
  return results
}

/** Entries per stage over the days (and, of those, from another phase), from the snapshots. */
export async function entriesByStage(
  db: D1Database,
  fromDay: string,
  toDay: string,
  tier: Tier | null,
  roleId: string | null = null,
) {
  const { results } = await db
    .prepare(
      `SELECT f.stage_id AS stageId, s.phase_id AS phaseId, SUM(${flowOf('entered', 3)}) AS entered,
         SUM(${flowOf('entered_phase', 3)}) AS enteredPhase
       FROM flow_snapshots f JOIN stages s ON s.id = f.stage_id
       WHERE f.day >= ?1 AND f.day <= ?2 AND (?4 IS NULL OR s.owner_role_id = ?4)
       GROUP BY f.stage_id`,
    )
    .bind(fromDay, toDay, tier, roleId)
    .all<{ stageId: string; phaseId: string; entered: number; enteredPhase: number }>()
  return results
}

/** Median calendar time from a card's creation to entering `stageId`, over visits left on the days. */
export async function medianTimeTo(
  db: D1Database,
  stageId: string,
  fromDay: string,
  toDay: string,
  tier: Tier | null,
  owners: readonly string[] | null = null,
) {
  const row = await db
    .prepare(
      `WITH r AS (
         SELECT v.entered_at - c.created_at AS ms,
           ROW_NUMBER() OVER (ORDER BY v.entered_at - c.created_at) AS rn, COUNT(*) OVER () AS n
         FROM stage_visits v JOIN clients c ON c.id = v.client_id
         WHERE v.day >= ?2 AND v.day <= ?3 AND v.stage_id = ?1 AND v.archived = 0
           AND (?4 IS NULL OR v.tier = ?4)
           AND (?5 IS NULL OR v.owner_id IN (SELECT value FROM json_each(?5))))
       SELECT MIN(CASE WHEN rn >= 0.5 * n THEN ms END) AS ms, MAX(n) AS n FROM r`,
    )
    .bind(stageId, fromDay, toDay, tier, owners === null ? null : JSON.stringify(owners))
    .first<{ ms: number | null; n: number | null }>()
  return { ms: row?.ms ?? null, count: row?.n ?? 0 }
}

/** Working time spent in each phase by visits finished on the local days [fromDay, toDay]. */
export async function workingMsByPhase(db: D1Database, fromDay: string, toDay: string) {
  const { results } = await db
    .prepare(
      `SELECT s.phase_id AS phaseId, SUM(v.total_ms) AS ms
       FROM visit_buckets v JOIN stages s ON s.id = v.stage_id WHERE v.day >= ?1 AND v.day <= ?2
       GROUP BY s.phase_id`,
    )
    .bind(fromDay, toDay)
    .all<{ phaseId: string; ms: number }>()
  return results
}

/** Per member: live clients they are the account manager of, and how many they got in [from, to). */
export async function accountClients(db: D1Database, roleId: string, from: number, to: number) {
  const { results } = await db
    .prepare(
      `SELECT p.member_id AS memberId, COUNT(*) AS clients,
         SUM(p.assigned_at >= ?2 AND p.assigned_at < ?3) AS gained
       FROM client_people p JOIN clients c ON c.id = p.client_id
       WHERE p.role_id = ?1 AND c.archived = 0 GROUP BY p.member_id`,
    )
    .bind(roleId, from, to)
    .all<{ memberId: string; clients: number; gained: number }>()
  return results
}

export interface Names {
  phases: { id: string; ru: string; en: string }[]
  stages: { id: string; phaseId: string; ru: string; en: string; slaDays: number }[]
  roles: { id: string; ru: string; en: string }[]
}

/** The journey's names in order, for labels. */
export async function journeyNames(db: D1Database): Promise<Names> {
  const [phases, stages, roles] = await db.batch([
    db.prepare('SELECT id, name_ru AS ru, name_en AS en FROM phases ORDER BY position'),
    db.prepare(
      `SELECT s.id, s.phase_id AS phaseId, s.name_ru AS ru, s.name_en AS en, s.sla_days AS slaDays
       FROM stages s JOIN phases p ON p.id = s.phase_id WHERE s.archived = 0
       ORDER BY p.position, s.position`,
    ),
    db.prepare('SELECT id, name_ru AS ru, name_en AS en FROM roles ORDER BY position'),
  ])
  return {
    phases: (phases?.results ?? []) as Names['phases'],
    stages: (stages?.results ?? []) as Names['stages'],
    roles: (roles?.results ?? []) as Names['roles'],
  }
}

/** Cards per phase on each of the given days, from the snapshots. */
export async function phaseCardsOn(db: D1Database, days: readonly string[]) {
  const { results } = await db
    .prepare(
      `SELECT f.day, s.phase_id AS phaseId, SUM(f.cards) AS cards
       FROM flow_snapshots f JOIN stages s ON s.id = f.stage_id
       WHERE f.day IN (SELECT value FROM json_each(?1)) GROUP BY f.day, s.phase_id`,
    )
    .bind(JSON.stringify(days))
    .all<{ day: string; phaseId: string; cards: number }>()
  return results
}

/** Visits of the given owners finished in [from, to): how many, how many within SLA, returns. */
export async function visitTotals(
  db: D1Database,
  owners: readonly string[],
  from: number,
  to: number,
) {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS visits, COALESCE(SUM(working_ms <= sla_ms), 0) AS within,
         COALESCE(SUM(returned), 0) AS returns
       FROM stage_visits
       WHERE owner_id IN (SELECT value FROM json_each(?1)) AND left_at >= ?2 AND left_at < ?3
         AND archived = 0`,
    )
    .bind(JSON.stringify(owners), from, to)
    .first<{ visits: number; within: number; returns: number }>()
  return row ?? { visits: 0, within: 0, returns: 0 }
}

/** Live cards per phase now (the forecast's starting point). */
export async function phaseCardsNow(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT s.phase_id AS phaseId, COUNT(*) AS cards
       FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.archived = 0 GROUP BY s.phase_id`,
    )
    .all<{ phaseId: string; cards: number }>()
  return results
}
