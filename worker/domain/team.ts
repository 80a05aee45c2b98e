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

/** A member as alerting needs them: where they sit and which journey roles they play. */
export interface AlertMember extends OrgMember {
  roleIds: readonly string[]
}

/**
 * The lead responsible for a journey role: the manager with the most active people who play it
 * (ties to the smaller id), or null when nobody who plays it has a manager.
 */
export function leadForRole(roleId: string, members: readonly AlertMember[]): string | null {
  const counts = new Map<string, number>()
  for (const m of members) {
    if (m.active && m.managerId && m.roleIds.includes(roleId)) {
      counts.set(m.managerId, (counts.get(m.managerId) ?? 0) + 1)
    }
  }
  let best: string | null = null
  for (const [id, n] of counts) {
    const bestN = best === null ? 0 : (counts.get(best) ?? 0)
    if (n > bestN || (n === bestN && best !== null && id < best)) best = id
  }
  return best
}

/**
 * Who hears about a card's role: its person and their manager; with no person, the lead
 * responsible for the role; with no such lead, the admins. Never nobody while an admin exists.
 */
export function alertRecipients(
  person: string | null,
  roleId: string,
  members: readonly AlertMember[],
  admins: readonly string[],
): string[] {
  const manager = person ? (members.find((m) => m.id === person)?.managerId ?? null) : null
  const chosen = person
    ? [person, manager]
    : [leadForRole(roleId, members)].filter((id) => id !== null)
  const found = chosen.filter((id): id is string => id !== null)
  return found.length > 0 ? [...new Set(found)] : [...admins]
}
