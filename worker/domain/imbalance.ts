import type { LoadSettings } from '../../schema/load'
import type { Grade } from '../../schema/members'
import { capacityOf, memberLoads, type LoadClient, type LoadMember } from './load'

/** Same lead, same grade, and both someone overloaded and someone with room. */
export interface Imbalance {
  leadId: string
  grade: Grade
  over: string[]
  under: string[]
}

/** Active members with a manager, grouped by manager and grade: the peers a move may go between. */
export function peerGroups(members: readonly LoadMember[]): LoadMember[][] {
  const groups = new Map<string, LoadMember[]>()
  for (const m of members) {
    if (!m.active || !m.managerId) continue
    const key = `${m.managerId}\u0000${m.grade}`
    groups.set(key, [...(groups.get(key) ?? []), m])
  }
  return [...groups.keys()].sort().map((k) => groups.get(k) ?? [])
}

/** A member's utilisation under given loads; null without capacity. */
export const utilOf = (m: LoadMember, loads: ReadonlyMap<string, number>, s: LoadSettings) => {
  const capacity = capacityOf(m, s)
  return capacity > 0 ? (loads.get(m.id) ?? 0) / capacity : null
}

/**
 * Teams where someone is over `overloadedAbove` while a peer of the same grade under the same
 * lead is below `underloadedBelow` (DOMAIN.md: very different load on people of one level).
 */
export function imbalances(
  members: readonly LoadMember[],
  clients: readonly LoadClient[],
  s: LoadSettings,
): Imbalance[] {
  const loads = memberLoads(clients, s)
  const out: Imbalance[] = []
  for (const group of peerGroups(members)) {
    const util = (m: LoadMember) => utilOf(m, loads, s)
    const over = group.filter((m) => (util(m) ?? 0) > s.overloadedAbove).map((m) => m.id)
    const under = group.filter((m) => (util(m) ?? Infinity) < s.underloadedBelow).map((m) => m.id)
    const first = group[0]
    if (first?.managerId && over.length > 0 && under.length > 0) {
      out.push({
        leadId: first.managerId,
        grade: first.grade,
        over: over.sort(),
        under: under.sort(),
      })
    }
  }
  return out
}
