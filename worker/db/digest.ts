/** Every lead with each member under them, directly or through their reports. */
export async function teams(db: D1Database): Promise<Map<string, string[]>> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE tree(lead_id, member_id, depth) AS (
         SELECT manager_id, id, 1 FROM members WHERE manager_id IS NOT NULL AND active = 1
         UNION ALL
         SELECT tree.lead_id, m.id, tree.depth + 1 FROM members m JOIN tree ON m.manager_id = tree.member_id
         WHERE m.active = 1 AND tree.depth < 20)
       SELECT DISTINCT lead_id, member_id FROM tree`,
    )
    .all<{ lead_id: string; member_id: string }>()
  const byLead = new Map<string, string[]>()
  for (const r of results) byLead.set(r.lead_id, [...(byLead.get(r.lead_id) ?? []), r.member_id])
  return byLead
}

export interface OverdueSummary {
  id: string
  company: string
  stage_id: string
  owner_id: string
  overdue_level: number
}

/** Overdue cards with their acting owner (the client's person for the stage's owner role). */
export async function overdueByOwner(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT c.id, c.company, c.stage_id, p.member_id AS owner_id, c.overdue_level
       FROM clients c JOIN stages s ON s.id = c.stage_id
       JOIN client_people p ON p.client_id = c.id AND p.role_id = s.owner_role_id
       WHERE c.archived = 0 AND c.overdue_level >= 1 ORDER BY c.overdue_level DESC, c.due_at`,
    )
    .all<OverdueSummary>()
  return results
}

/** Live cards each member acts on at its stage (owner, communicator or support), each once. */
export async function cardsPerMember(db: D1Database): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT p.member_id, COUNT(DISTINCT c.id) AS cards
       FROM clients c JOIN stages s ON s.id = c.stage_id
       JOIN client_people p ON p.client_id = c.id
         AND p.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
       WHERE c.archived = 0 GROUP BY p.member_id`,
    )
    .all<{ member_id: string; cards: number }>()
  return new Map(results.map((r) => [r.member_id, r.cards]))
}

export async function memberNames(db: D1Database): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT id, name FROM members')
    .all<{ id: string; name: string }>()
  return new Map(results.map((r) => [r.id, r.name]))
}
