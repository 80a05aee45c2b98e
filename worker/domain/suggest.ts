import type { LoadSettings } from '../../schema/load'
import type { Grade } from '../../schema/members'
import { exclusions, type Absence, type ExclusionCode, type Slot } from './eligibility'
import { capacityOf, percent, roleWeight, type LoadClient, type LoadMember } from './load'

export interface SuggestInput {
  slot: Slot
  /** The client to place (a prospective one has no id): tier, phase and parts give the weight. */
  client: { id: string | null } & Pick<LoadClient, 'tier' | 'phaseId' | 'parts'>
  /** Who holds the role now, for a client that has someone in it already. */
  currentAssignee: string | null
  /** The people to consider (a lead's team, or everyone). */
  members: readonly LoadMember[]
  /** Each member's load points now (`memberLoads` or `loadsFromCounts`); missing means none. */
  loads: ReadonlyMap<string, number>
  /** Per member, the live clients past their SLA they act on (`overdueCounts`). */
  overdue: ReadonlyMap<string, number>
  absences: readonly Absence[]
  /** When each member last got a client (epoch ms); missing means never. */
  lastAssignedAt: ReadonlyMap<string, number>
  /** Local date "YYYY-MM-DD" absences are judged against. */
  today: string
  settings: LoadSettings
}

export interface Candidate {
  memberId: string
  name: string
  grade: Grade
  load: number
  capacity: number
  utilizationBefore: number
  utilizationAfter: number
  overdueCount: number
  lastAssignedAt: number | null
  reasons: string[]
}

export interface Excluded {
  memberId: string
  name: string
  grade: Grade
  codes: ExclusionCode[]
  reasons: string[]
}

export interface Suggestion {
  /** Load points the role adds to whoever takes it. */
  weight: number
  candidates: Candidate[]
  excluded: Excluded[]
}

/** Rounded so that float noise (0.1 + 0.2) never decides a tie; rounding keeps the order total. */
const tieKey = (u: number) => Math.round(u * 1e9)

/**
 * The ranking: lowest utilisation after the assignment first; ties go to fewer overdue cards,
 * then to whoever waited longest since their last new client (never beats any time), then to
 * the smaller id, so equal inputs always give the same order.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    tieKey(a.utilizationAfter) - tieKey(b.utilizationAfter) ||
    a.overdueCount - b.overdueCount ||
    (a.lastAssignedAt ?? -Infinity) - (b.lastAssignedAt ?? -Infinity) ||
    (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
  )
}

/**
 * Ranks the eligible members for a slot by their utilisation once they take it, and says why
 * every other member is left out. Pure: the same input always gives the same answer.
 */
export function suggest(input: SuggestInput): Suggestion {
  const s = input.settings
  const weight = roleWeight(input.client, input.slot.roleId, s)
  const { loads, overdue } = input
  const candidates: Candidate[] = []
  const excluded: Excluded[] = []
  for (const m of input.members) {
    const capacity = capacityOf(m, s)
    const out = exclusions(m, input.slot, input.absences, input.today, s)
    if (capacity <= 0) out.push({ code: 'no_capacity', text: `${m.grade}: no capacity` })
    if (out.length > 0) {
      const base = { memberId: m.id, name: m.name, grade: m.grade }
      excluded.push({ ...base, codes: out.map((e) => e.code), reasons: out.map((e) => e.text) })
      continue
    }
    const load = loads.get(m.id) ?? 0
    const holds = m.id === input.currentAssignee
    const before = load / capacity
    // The current holder already carries this client: keeping it adds nothing.
    const after = holds ? before : (load + weight) / capacity
    const overdueCount = overdue.get(m.id) ?? 0
    const reasons = [`${m.grade} · ${percent(before)} → ${percent(after)}`]
    if (holds) reasons.push(`already the ${input.slot.roleName}`)
    if (overdueCount > 0) reasons.push(`${overdueCount} overdue card${overdueCount > 1 ? 's' : ''}`)
    if (after > s.overloadedAbove) reasons.push('over capacity with this client')
    candidates.push({
      memberId: m.id,
      name: m.name,
      grade: m.grade,
      load,
      capacity,
      utilizationBefore: before,
      utilizationAfter: after,
      overdueCount,
      lastAssignedAt: input.lastAssignedAt.get(m.id) ?? null,
      reasons,
    })
  }
  candidates.sort(compareCandidates)
  excluded.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.memberId < b.memberId ? -1 : 1,
  )
  return { weight, candidates, excluded }
}
