import type { Tier } from '../../schema/clients'
import type { KpiSums } from '../domain/reports/account-kpis'

/** What the account KPIs read: one role's books, over a period, narrowed by the filters. */
export interface BookScope {
  roleId: string
  /** Members whose books count; null = everyone. */
  owners: string[] | null
  tier: Tier | null
  /** The period as instants [fromMs, toMs) and inclusive local dates. */
  fromMs: number
  toMs: number
  fromDay: string
  toDay: string
  today: string
  /** The stage whose entry counts as a renewal. */
  renewalStageId: string
}

/** A YYYY-MM(-DD) text as a month number, for month arithmetic inside SQLite. */
const month = (x: string) =>
  `(CAST(substr(${x}, 1, 4) AS INTEGER) * 12 + CAST(substr(${x}, 6, 2) AS INTEGER))`

/**
 * Per member, sums over the clients they hold the role for (live ones, and those archived in the
 * period): clients, new in the period, monthly revenue of the live ones, revenue × margin % over
 * each client's active months of the period (×100, the domain divides), minutes logged in the
 * period, lifetime revenue, NPS answers, renewals, churned and lost. Money counts only the
 * organisation's main currency (the one most clients are billed in), named in every row.
 * The book is materialised once: inlined, SQLite would work out its columns again for every sum.
 */
export async function bookSums(db: D1Database, s: BookScope) {
  const { results } = await db
    .prepare(
      `WITH cur AS (
         SELECT currency FROM client_profiles WHERE monthly_revenue IS NOT NULL
         GROUP BY currency ORDER BY COUNT(*) DESC, currency LIMIT 1),
       tm AS (SELECT client_id, SUM(minutes) AS minutes FROM time_entries INDEXED BY time_entries_by_day
         WHERE spent_on >= ?4 AND spent_on <= ?5 GROUP BY client_id),
       nps AS (SELECT client_id, SUM(score >= 9) AS pro, SUM(score <= 6) AS det, COUNT(*) AS n
         FROM nps_answers WHERE answered_on >= ?4 AND answered_on <= ?5 GROUP BY client_id),
       ren AS (SELECT client_id, COUNT(*) AS n FROM (
           SELECT client_id FROM stage_visits
           WHERE day >= ?4 AND stage_id = ?7 AND entered_at >= ?2 AND entered_at < ?3
           UNION ALL SELECT id FROM clients WHERE stage_id = ?7 AND archived = 0
             AND entered_stage_at >= ?2 AND entered_stage_at < ?3)
         GROUP BY client_id),
       book AS MATERIALIZED (
         SELECT p.member_id AS m, p.assigned_at, c.id, c.archived, pr.currency, pr.outcome,
           pr.monthly_revenue AS rev, pr.margin_percent AS mp,
           pr.monthly_revenue IS NOT NULL AND pr.currency = (SELECT currency FROM cur) AS money,
           ${month('COALESCE(pr.start_date, ?4)')} AS start_m,
           CASE WHEN c.archived = 1 THEN (SELECT MAX(e.at) FROM client_events e
             WHERE e.client_id = c.id AND e.kind = 'archived') END AS archived_at
         FROM client_people p JOIN clients c ON c.id = p.client_id
         LEFT JOIN client_profiles pr ON pr.client_id = c.id
         WHERE p.role_id = ?1 AND (?8 IS NULL OR p.member_id IN (SELECT value FROM json_each(?8)))
           AND (?9 IS NULL OR c.tier = ?9)),
       b AS MATERIALIZED (
         SELECT *, MAX(0, MIN(${month('?5')}, COALESCE(arch_m, ${month('?5')}))
             - MAX(${month('?4')}, start_m) + 1) AS active,
           MAX(0, COALESCE(arch_m, ${month('?6')}) - start_m + 1) AS life
         FROM (SELECT *, ${month("date(archived_at / 1000, 'unixepoch')")} AS arch_m FROM book)
         WHERE archived = 0 OR (archived_at >= ?2 AND archived_at < ?3))
       SELECT m AS memberId, (SELECT currency FROM cur) AS currency,
         SUM(archived = 0) AS clients,
         SUM(archived = 0 AND assigned_at >= ?2 AND assigned_at < ?3) AS gained,
         COALESCE(SUM(CASE WHEN archived = 0 AND money THEN rev END), 0) AS revenue,
         COALESCE(SUM(CASE WHEN money AND mp IS NOT NULL THEN rev * mp * active END), 0) AS marginCents,
         COALESCE(SUM(CASE WHEN currency IS NULL OR money OR rev IS NULL THEN tm.minutes END), 0) AS minutes,
         COALESCE(SUM(CASE WHEN money THEN rev * life END), 0) AS ltvTotal,
         COALESCE(SUM(money), 0) AS ltvClients,
         COALESCE(SUM(nps.pro), 0) AS promoters, COALESCE(SUM(nps.det), 0) AS detractors,
         COALESCE(SUM(nps.n), 0) AS answers, COALESCE(SUM(ren.n), 0) AS renewed,
         SUM(archived = 1 AND outcome = 'churned') AS churned,
         SUM(archived = 1 AND outcome = 'lost') AS lost
       FROM b LEFT JOIN tm ON tm.client_id = b.id LEFT JOIN nps ON nps.client_id = b.id
       LEFT JOIN ren ON ren.client_id = b.id
       GROUP BY m`,
    )
    .bind(
      s.roleId,
      s.fromMs,
      s.toMs,
      s.fromDay,
      s.toDay,
      s.today,
      s.renewalStageId,
      s.owners === null ? null : JSON.stringify(s.owners),
      s.tier,
    )
    .all<KpiSums & { memberId: string; currency: string | null }>()
  return results
}
