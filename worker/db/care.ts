import type { CareDue } from '../../shared/care'

/**
 * Creates one rule's task for the period on every eligible client that lacks it, in one
 * statement: live clients of the rule's tiers in the care phase or after it (but not on a stage
 * of clients who have left), assigned to the client's person for the rule's role. The dedupe key
 * names rule, period and client, so a second or concurrent run inserts nothing. Returns the new
 * tasks' ids (D1's change count would include the live board's trigger rows).
 */
export function careTaskStatement(
  db: D1Database,
  due: CareDue,
  fromPhase: string,
  skipStages: readonly string[],
  now: number,
) {
  return db
    .prepare(
      `INSERT INTO tasks (id, dedupe_key, client_id, title, assignee_role_id, assignee_member_id,
         due_date, created_by_kind, created_by, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), ?1 || c.id, c.id, ?2, ?3,
         (SELECT member_id FROM client_people WHERE client_id = c.id AND role_id = ?3),
         ?4, 'automation', ?5, ?6, ?6
       FROM clients c CROSS JOIN stages s ON s.id = c.stage_id
       CROSS JOIN phases p ON p.id = s.phase_id
       WHERE c.archived = 0 AND c.tier IN (SELECT value FROM json_each(?7))
         AND p.position >= (SELECT position FROM phases WHERE id = ?8)
         AND c.stage_id NOT IN (SELECT value FROM json_each(?9))
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    )
    .bind(
      due.keyPrefix,
      due.rule.title.ru,
      due.rule.roleId,
      due.dueDate,
      `care:${due.rule.id}`,
      now,
      JSON.stringify(due.rule.tiers),
      fromPhase,
      JSON.stringify(skipStages),
    )
}
