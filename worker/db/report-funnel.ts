import type { VisitScope } from './reports'

/**
 * The funnel's cohort: the cards that entered the journey (were created) in [from, to), of the
 * tier, that the owners held (a visit they owned, or the stage's owner role now) and, with a role
 * chosen, that went through a stage the role owns. Per furthest place reached by now (journey
 * order: phase position × 1000 + stage position; the furthest of the card's measured visits,
 * kept in client_reach, and where it is now), how many cards.
 */
export async function cohortReach(db: D1Database, s: VisitScope) {
  const params: unknown[] = [s.from, s.to]
  const where: string[] = []
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value)
    where.push(clause(params.length))
  }
  if (s.tier !== null) add((n) => `c.tier = ?${n}`, s.tier)
  // Sets evaluated once (a correlated json_each would be parsed again for every card).
  if (s.owners !== null) {
    add(
      (n) => `(c.id IN (SELECT v.client_id FROM stage_visits v
          WHERE v.owner_id IN (SELECT value FROM json_each(?${n})) AND v.left_at >= ?1)
        OR c.id IN (SELECT p.client_id FROM client_people p JOIN clients o ON o.id = p.client_id
          JOIN stages s ON s.id = o.stage_id AND s.owner_role_id = p.role_id
          WHERE p.member_id IN (SELECT value FROM json_each(?${n}))))`,
      JSON.stringify(s.owners),
    )
  }
  if (s.roleId !== null) {
    params.push(s.fromDay)
    const day = params.length
    add(
      (n) => `(c.id IN (SELECT v.client_id FROM stage_visits v
          JOIN stages s ON s.id = v.stage_id WHERE v.day >= ?${day} AND s.owner_role_id = ?${n})
        OR c.stage_id IN (SELECT id FROM stages WHERE owner_role_id = ?${n}))`,
      s.roleId,
    )
  }
  const more = where.map((w) => ` AND ${w}`).join('')
  const { results } = await db
    .prepare(
      `WITH cohort AS (
         SELECT c.id, c.stage_id FROM clients c INDEXED BY clients_by_created
         WHERE c.created_at >= ?1 AND c.created_at < ?2${more}),
       reach AS (
         SELECT MAX(COALESCE(r.max_order, 0), p.position * 1000 + st.position) AS o
         FROM cohort co LEFT JOIN client_reach r ON r.client_id = co.id
         JOIN stages st ON st.id = co.stage_id JOIN phases p ON p.id = st.phase_id)
       SELECT o AS journeyOrder, COUNT(*) AS cards FROM reach GROUP BY o`,
    )
    .bind(...params)
    .all<{ journeyOrder: number; cards: number }>()
  return results
}

/** Every stage's place in the journey (same order as cohortReach). */
export async function stageOrders(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT s.id AS stageId, s.phase_id AS phaseId, p.position * 1000 + s.position AS journeyOrder
       FROM stages s JOIN phases p ON p.id = s.phase_id`,
    )
    .all<{ stageId: string; phaseId: string; journeyOrder: number }>()
  return results
}
