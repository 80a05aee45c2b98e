/** A card past one of its deadlines, with what the sweep needs to act and to notify. */
export interface OverdueCard {
  id: string
  name: string
  company: string
  version: number
  stage_id: string
  entered_stage_at: number
  /** The stage's owner role, and the client's person for it (the acting owner), if any. */
  owner_role_id: string
  owner_id: string | null
  overdue_level: number
  due2_at: number | null
}

/**
 * Cards whose deadline for `level` (1: the SLA, 2: twice the SLA) has passed and that are not
 * marked yet (`overdueFrom` reads the result). Reads through a partial index, so the cost
 * follows the overdue cards only.
 */
export function overdueQuery(db: D1Database, level: 1 | 2, now: number, limit: number) {
  const due = level === 1 ? 'c.due_at' : 'c.due2_at'
  return db
    .prepare(
      `SELECT c.id, c.name, c.company, c.version, c.stage_id, c.entered_stage_at, s.owner_role_id,
         p.member_id AS owner_id, c.overdue_level, c.due2_at
       FROM clients c CROSS JOIN stages s ON s.id = c.stage_id
       LEFT JOIN client_people p ON p.client_id = c.id AND p.role_id = s.owner_role_id
       WHERE c.archived = 0 AND c.overdue_level = ?1 AND ${due} <= ?2
       ORDER BY ${due} LIMIT ?3`,
    )
    .bind(level - 1, now, limit)
}

export const overdueFrom = (result: D1Result | undefined) =>
  (result?.results ?? []) as OverdueCard[]

/** Re-derives every card's deadlines after the calendar or a stage's SLA changed. */
export async function cardsForDeadlines(db: D1Database, stageId: string | null) {
  const { results } = await db
    .prepare(
      `SELECT c.id, c.entered_stage_at, s.sla_days, c.overdue_level FROM clients c
       JOIN stages s ON s.id = c.stage_id WHERE c.archived = 0 AND (?1 IS NULL OR c.stage_id = ?1)`,
    )
    .bind(stageId)
    .all<{ id: string; entered_stage_at: number; sla_days: number; overdue_level: number }>()
  return results
}

/**
 * Writes new deadlines, keeping an overdue mark only while it still holds (a longer SLA can
 * make a card on time again); the sweep raises marks that become due.
 */
export function deadlineStatement(
  db: D1Database,
  id: string,
  enteredAt: number,
  dueAt: number | null,
  due2At: number | null,
  now: number,
) {
  return db
    .prepare(
      `UPDATE clients SET due_at = ?1, due2_at = ?2, overdue_level = CASE
         WHEN ?1 IS NULL OR ?1 > ?3 THEN 0
         WHEN overdue_level = 2 AND (?2 IS NULL OR ?2 > ?3) THEN 1
         ELSE overdue_level END
       WHERE id = ?4 AND entered_stage_at = ?5`,
    )
    .bind(dueAt, due2At, now, id, enteredAt)
}
