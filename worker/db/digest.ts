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

export async function overdueByOwner(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT id, company, stage_id, owner_id, overdue_level FROM clients
       WHERE archived = 0 AND overdue_level >= 1 AND owner_id IS NOT NULL ORDER BY overdue_level DESC, due_at`,
    )
    .all<OverdueSummary>()
  return results
}

/** Active cards per member over the three roles: the load a lead sees at a glance. */
export async function cardsPerMember(db: D1Database): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT member_id, COUNT(*) AS cards FROM (
         SELECT owner_id AS member_id FROM clients WHERE archived = 0
         UNION ALL SELECT communicator_id FROM clients WHERE archived = 0
         UNION ALL SELECT support_id FROM clients WHERE archived = 0)
       WHERE member_id IS NOT NULL GROUP BY member_id`,
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
