/** The part of a member the org chart needs. */
export interface OrgMember {
  id: string
  managerId: string | null
  active: boolean
}

/** Direct reports per manager, counting active members only (a leaver no longer needs managing). */
export function directReports(members: readonly OrgMember[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const m of members) {
    if (m.active && m.managerId) counts.set(m.managerId, (counts.get(m.managerId) ?? 0) + 1)
  }
  return counts
}

/**
 * Managers whose direct reports exceed the span of control (DOMAIN.md: 5–7 people; above that,
 * add a level of hierarchy), with their report counts.
 */
export function spanExceeded(members: readonly OrgMember[], limit: number): Map<string, number> {
  return new Map([...directReports(members)].filter(([, n]) => n > limit))
}

/**
 * A lead and everyone under them, directly or through their reports. Safe on a cycle in the
 * data: each member is visited once.
 */
export function teamOf(leadId: string, members: readonly OrgMember[]): Set<string> {
  const byManager = new Map<string, string[]>()
  for (const m of members) {
    if (m.managerId) byManager.set(m.managerId, [...(byManager.get(m.managerId) ?? []), m.id])
  }
  const team = new Set([leadId])
  const queue = [leadId]
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const report of byManager.get(id) ?? []) {
      if (!team.has(report)) {
        team.add(report)
        queue.push(report)
      }
    }
  }
  return team
}
