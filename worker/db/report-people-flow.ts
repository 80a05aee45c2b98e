import type { VisitScope } from './reports'

const DAY_MS = 86_400_000

/**
 * The stays the people filters read: finished visits of the owners (owner when the card left)
 * that overlap [from, to), and the live cards they own now (the client's person for the stage's
 * owner role). The snapshots keep no people, so a team's or a member's flow is built from these.
 * A card archived from a stage ends a visit there too (0021), so its last stay counts.
 */
function stays(s: VisitScope & { owners: string[] }) {
  const params: unknown[] = [JSON.stringify(s.owners), s.from, s.to]
  const extra: string[] = []
  if (s.phaseId !== null) {
    params.push(s.phaseId)
    extra.push(`s.phase_id = ?${params.length}`)
  }
  if (s.roleId !== null) {
    params.push(s.roleId)
    extra.push(`s.owner_role_id = ?${params.length}`)
  }
  const tier = (col: string) => {
    if (s.tier === null) return ''
    params.push(s.tier)
    return ` AND ${col} = ?${params.length}`
  }
  const more = extra.map((x) => ` AND ${x}`).join('')
  const visits = `SELECT v.client_id, v.stage_id, s.phase_id, v.entered_at AS a, v.left_at AS b
    FROM stage_visits v JOIN stages s ON s.id = v.stage_id
    WHERE v.owner_id IN (SELECT value FROM json_each(?1)) AND v.left_at >= ?2
      AND v.entered_at < ?3${tier('v.tier')}${more}`
  const open = `SELECT c.id, c.stage_id, s.phase_id, c.entered_stage_at, NULL
    FROM client_people p JOIN clients c ON c.id = p.client_id
    JOIN stages s ON s.id = c.stage_id AND s.owner_role_id = p.role_id
    WHERE p.member_id IN (SELECT value FROM json_each(?1)) AND c.archived = 0
      AND c.entered_stage_at < ?3${tier('c.tier')}${more}`
  return { sql: `${visits} UNION ALL ${open}`, params }
}

/**
 * Per local day (days since the epoch) and stage or phase: cards in minus cards out of the
 * owners' stays, a stay that began before the period counted on its first day; summed day by
 * day they give the cards at the end of each day.
 */
export async function peopleFlowDeltas(
  db: D1Database,
  s: VisitScope & { owners: string[] },
  fromDay: number,
  offsetMs: number,
  byStage: boolean,
) {
  const q = stays(s)
  const key = byStage ? 'stage_id' : 'phase_id'
  const off = q.params.push(offsetMs)
  const first = q.params.push(fromDay)
  // D1 binds numbers as reals: cast, so the day is a whole number.
  const day = (at: string) => `CAST((${at} + ?${off}) / ${DAY_MS} AS INTEGER)`
  const { results } = await db
    .prepare(
      `WITH st AS (${q.sql})
       SELECT d, k AS key, SUM(delta) AS delta FROM (
         SELECT MAX(${day('a')}, CAST(?${first} AS INTEGER)) AS d, ${key} AS k, 1 AS delta FROM st
         UNION ALL SELECT ${day('b')}, ${key}, -1 FROM st WHERE b IS NOT NULL AND b < ?3)
       GROUP BY d, k`,
    )
    .bind(...q.params)
    .all<{ d: number; key: string; delta: number }>()
  return results
}
