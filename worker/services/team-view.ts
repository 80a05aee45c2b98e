import type { TeamMember } from '../../schema/team'
import { loadFigures, memberLoads, overdueCounts } from '../domain/load'
import { imbalances } from '../domain/imbalance'
import { directReports } from '../domain/team'
import type { TeamSnapshot } from './team-snapshot'

/** Every member with their load at this moment, span of control, and the imbalances. */
export function teamView(snap: TeamSnapshot) {
  const s = snap.settings
  const loads = memberLoads(snap.clients, s)
  const overdue = overdueCounts(snap.clients)
  const reports = directReports(snap.members)
  // Each member's clients, once overall and per journey role they hold on them.
  const clientCount = new Map<string, number>()
  const byRole = new Map<string, Record<string, number>>()
  for (const client of snap.clients) {
    for (const id of new Set(Object.values(client.people))) {
      clientCount.set(id, (clientCount.get(id) ?? 0) + 1)
    }
    for (const [roleId, id] of Object.entries(client.people)) {
      const counts = byRole.get(id) ?? {}
      counts[roleId] = (counts[roleId] ?? 0) + 1
      byRole.set(id, counts)
    }
  }
  const members: TeamMember[] = snap.members.map((m) => {
    // The absences read end today or later: one that has begun covers today.
    const own = snap.absences.filter((a) => a.memberId === m.id)
    const current = own.find((a) => a.from <= snap.today) ?? null
    return {
      ...loadFigures(m, loads.get(m.id) ?? 0, s, reports),
      clientCount: clientCount.get(m.id) ?? 0,
      clientsByRole: byRole.get(m.id) ?? {},
      overdueCount: overdue.get(m.id) ?? 0,
      absence: current ?? own[0] ?? null,
      absentToday: current !== null,
      spanExceeded: (reports.get(m.id) ?? 0) > s.spanOfControl,
    }
  })
  return {
    today: snap.today,
    members,
    imbalances: imbalances(snap.members, snap.clients, s),
    roles: [...snap.roleNames].map(([id, en]) => ({
      id,
      name: { ru: snap.roleNamesRu.get(id) ?? en, en },
    })),
    thresholds: {
      overloadedAbove: s.overloadedAbove,
      underloadedBelow: s.underloadedBelow,
      spanOfControl: s.spanOfControl,
    },
  }
}
