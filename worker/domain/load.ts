import type { People, StageRoleKind, Tier } from '../../schema/clients'
import type { StageRoles } from '../../schema/journey'
import type { LoadSettings } from '../../schema/load'
import type { Grade } from '../../schema/members'
import { actingPeople, ROLE_KINDS, type RolePart, type RoleParts } from './people'

/**
 * DOMAIN.md defaults. Phase effort: onboarding (kickoff, setup, training) is the heaviest work
 * an account manager does; account care is the baseline; the sales-side phases mostly load
 * other roles, and contract work is paperwork that finance carries.
 */
export const DEFAULT_LOAD_SETTINGS: LoadSettings = {
  capacity: { intern: 4, junior: 8, middle: 12, senior: 16, lead: 6 },
  tierWeight: { A: 3, B: 2, C: 1 },
  roleWeight: { owner: 1, communicator: 0.5, support: 0.25 },
  phaseEffort: {
    acquisition: 0.5,
    sale: 1,
    contract: 0.5,
    onboarding: 1.5,
    care: 1,
    growth: 1,
    renewal: 1,
  },
  minGrade: { A: 'senior', B: 'middle', C: 'junior' },
  supportMinGrade: 'intern',
  overloadedAbove: 1,
  underloadedBelow: 0.7,
  spanOfControl: 7,
}

/** A member as the load model sees them. */
export interface LoadMember {
  id: string
  name: string
  grade: Grade
  roleIds: readonly string[]
  managerId: string | null
  capacityOverride: number | null
  active: boolean
}

/** A live (not archived) client: where it is, who holds each of its roles, how late it is. */
export interface LoadClient {
  id: string
  tier: Tier
  phaseId: string
  /** The journey roles the client's current stage names as owner, communicator and support. */
  slotRoles: StageRoles
  /** The client's person per journey role. */
  people: People
  /** What each role does in the client's phase (see `roleParts`). */
  parts: ReadonlyMap<string, RolePart>
  overdueLevel: number
}

/**
 * What one slot of a client weighs: tier weight × role weight × the effort of the phase the
 * client is in (1 for a phase the settings do not name).
 */
export function slotWeight(
  client: { tier: Tier; phaseId: string },
  role: StageRoleKind,
  s: LoadSettings,
): number {
  return s.tierWeight[client.tier] * s.roleWeight[role] * (s.phaseEffort[client.phaseId] ?? 1)
}

/** Load points a member carries at 100%: their override if set, else their grade's capacity. */
export function capacityOf(m: Pick<LoadMember, 'grade' | 'capacityOverride'>, s: LoadSettings) {
  return m.capacityOverride ?? s.capacity[m.grade]
}

/** Load / capacity as a fraction (0.77 = 77%); null when the member has no capacity at all. */
export function utilisation(load: number, capacity: number): number | null {
  return capacity > 0 ? load / capacity : null
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * A member's figures as the team view and the account report show them: load (4 decimals),
 * capacity, utilisation (null without capacity) and how many report to them.
 */
export function loadFigures(
  m: LoadMember,
  load: number,
  s: LoadSettings,
  reports: ReadonlyMap<string, number>,
) {
  const capacity = capacityOf(m, s)
  const u = utilisation(load, capacity)
  return {
    id: m.id,
    name: m.name,
    grade: m.grade,
    managerId: m.managerId,
    active: m.active,
    load: round4(load),
    capacity,
    utilization: u === null ? null : round4(u),
    directReports: reports.get(m.id) ?? 0,
  }
}

/**
 * What holding a journey role on a client weighs: tier × the role's part weight averaged over
 * the stages of the client's phase (owning 3 of 7 stages and talking at 2 counts
 * (3 × owner + 2 × communicator) / 7) × that phase's effort; 0 when it has no part there.
 */
export function roleWeight(
  client: Pick<LoadClient, 'tier' | 'phaseId' | 'parts'>,
  roleId: string,
  s: LoadSettings,
): number {
  const p = client.parts.get(roleId)
  if (!p || p.stages === 0) return 0
  const share = ROLE_KINDS.reduce((sum, kind) => sum + p.counts[kind] * s.roleWeight[kind], 0)
  return s.tierWeight[client.tier] * (share / p.stages) * (s.phaseEffort[client.phaseId] ?? 1)
}

/** Each member's load: every role they hold on the given live clients, each weighed once. */
export function memberLoads(clients: readonly LoadClient[], s: LoadSettings): Map<string, number> {
  const loads = new Map<string, number>()
  for (const client of clients) {
    for (const [roleId, id] of Object.entries(client.people)) {
      const weight = roleWeight(client, roleId, s)
      if (weight > 0) loads.set(id, (loads.get(id) ?? 0) + weight)
    }
  }
  return loads
}

/** The members acting on a client at its stage (owner, communicator, support), each once. */
export const actingOn = (client: LoadClient): string[] =>
  [...new Set(Object.values(actingPeople(client.slotRoles, client.people)))].filter(
    (id): id is string => id !== null,
  )

/** Per member, how many of the clients they act on at the current stage are past their SLA. */
export function overdueCounts(clients: readonly LoadClient[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const client of clients) {
    if (client.overdueLevel < 1) continue
    for (const id of actingOn(client)) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** "77%": utilisation as people read it. */
export const percent = (u: number | null) => (u === null ? '—' : `${Math.round(u * 100)}%`)

/** A member's live clients for one journey role they hold, counted by tier and phase. */
export interface RoleCounts {
  memberId: string
  roleId: string
  counts: readonly { tier: Tier; phaseId: string; clients: number }[]
}

/**
 * Each member's load from counts instead of clients: every count weighs what one client of that
 * tier and phase weighs for the role (`roleWeight`), so it equals `memberLoads` over the same
 * clients while reading a row per member and role, not one per client.
 */
export function loadsFromCounts(
  rows: readonly RoleCounts[],
  parts: RoleParts,
  s: LoadSettings,
): Map<string, number> {
  const none: ReadonlyMap<string, RolePart> = new Map()
  const loads = new Map<string, number>()
  // A few hundred rows share a few dozen (role, tier, phase) weights: each is worked out once.
  const weights = new Map<string, number>()
  for (const { memberId, roleId, counts } of rows) {
    for (const { tier, phaseId, clients } of counts) {
      const key = `${roleId} ${tier} ${phaseId}`
      let weight = weights.get(key)
      if (weight === undefined) {
        weight = roleWeight({ tier, phaseId, parts: parts.get(phaseId) ?? none }, roleId, s)
        weights.set(key, weight)
      }
      if (weight > 0 && clients > 0) {
        loads.set(memberId, (loads.get(memberId) ?? 0) + weight * clients)
      }
    }
  }
  return loads
}
