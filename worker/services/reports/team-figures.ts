import { capacityOf, utilisation } from '../../domain/load'
import { directReports } from '../../domain/team'
import type { SuggestSnapshot } from '../team-snapshot'

const round = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * Every member with their load now, capacity, utilisation and span of control, from the
 * per-member counts (no client is read): the same figures as the team view's.
 */
export function memberFigures(snap: SuggestSnapshot) {
  const reports = directReports(snap.members)
  return snap.members.map((m) => {
    const load = snap.loads.get(m.id) ?? 0
    const capacity = capacityOf(m, snap.settings)
    const u = utilisation(load, capacity)
    return {
      id: m.id,
      name: m.name,
      grade: m.grade,
      managerId: m.managerId,
      active: m.active,
      load: round(load),
      capacity,
      utilization: u === null ? null : round(u),
      directReports: reports.get(m.id) ?? 0,
    }
  })
}
