import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageRoleKind, Tier } from '../../schema/clients'
import type { Grade } from '../../schema/members'
import { exclusions, type Absence, type Slot } from '../../worker/domain/eligibility'
import {
  capacityOf,
  loadsFromCounts,
  memberLoads,
  roleWeight,
  type LoadClient,
  type LoadMember,
  type RoleCounts,
} from '../../worker/domain/load'
import { partOf } from '../../worker/domain/people'
import { proposeMoves } from '../../worker/domain/rebalance'
import { suggest, type SuggestInput } from '../../worker/domain/suggest'
import { CARE_STAGE, loadsOf, PARTS, partsIn, S, TODAY } from './load-fixtures'

const GRADES: Grade[] = ['intern', 'junior', 'middle', 'senior', 'lead']
const TIERS: Tier[] = ['A', 'B', 'C']
const ROLES: StageRoleKind[] = ['owner', 'communicator', 'support']
const PHASES = ['acquisition', 'onboarding', 'care', 'renewal', 'unknown-phase']
const JOURNEY_ROLES = ['account_manager', 'support', 'sales']
const IDS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']

const memberArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom('Анна', 'Борис', 'Вера', 'Глеб'),
    grade: fc.constantFrom(...GRADES),
    roleIds: fc.subarray(JOURNEY_ROLES),
    managerId: fc.constantFrom('lead-1', 'lead-2'),
    capacityOverride: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    active: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
  }) satisfies fc.Arbitrary<LoadMember>

const membersArb = fc
  .uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: IDS.length })
  .chain((ids) => fc.tuple(...ids.map(memberArb)))

const personArb = fc.option(fc.constantFrom(...IDS), { nil: null })
const peopleArb = fc
  .tuple(...JOURNEY_ROLES.map((role) => personArb.map((id) => [role, id] as const)))
  .map((pairs) => Object.fromEntries(pairs.filter((p): p is [string, string] => p[1] !== null)))
const clientArb = fc
  .record({
    id: fc.uuid(),
    tier: fc.constantFrom(...TIERS),
    phaseId: fc.constantFrom(...PHASES),
    slotRoles: fc.constant(CARE_STAGE),
    people: peopleArb,
    overdueLevel: fc.integer({ min: 0, max: 2 }),
  })
  .map((c): LoadClient => ({ ...c, parts: partsIn(c.phaseId) }))

const dayArb = fc.integer({ min: 15, max: 30 }).map((d) => `2026-11-${d}`)
const absenceArb = fc
  .record({ memberId: fc.constantFrom(...IDS), a: dayArb, b: dayArb })
  .map(({ memberId, a, b }): Absence => ({ memberId, from: a < b ? a : b, to: a < b ? b : a }))

const slotArb = fc
  .record({ tier: fc.constantFrom(...TIERS), role: fc.constantFrom(...ROLES) })
  .map(({ tier, role }): Slot => ({
    tier,
    role,
    roleId: CARE_STAGE[role],
    roleName: CARE_STAGE[role],
  }))

const inputArb = fc
  .record({
    members: membersArb,
    clients: fc.array(clientArb, { maxLength: 30 }),
    absences: fc.array(absenceArb, { maxLength: 6 }),
    slot: slotArb,
    phaseId: fc.constantFrom(...PHASES),
    last: fc.array(fc.tuple(fc.constantFrom(...IDS), fc.integer({ min: 0, max: 5 })), {
      maxLength: 8,
    }),
  })
  .map((r): SuggestInput & { clients: LoadClient[] } => ({
    slot: r.slot,
    client: { id: null, tier: r.slot.tier, phaseId: r.phaseId, parts: partsIn(r.phaseId) },
    currentAssignee: null,
    members: r.members,
    clients: r.clients,
    ...loadsOf(r.clients),
    absences: r.absences,
    lastAssignedAt: new Map(r.last),
    today: TODAY,
    settings: S,
  }))

describe('the balancer, for any team and any data', () => {
  it('never suggests an ineligible member, and accounts for every member once', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { candidates, excluded } = suggest(input)
        for (const c of candidates) {
          const m = input.members.find((x) => x.id === c.memberId)
          expect(m).toBeDefined()
          if (!m) return
          expect(exclusions(m, input.slot, input.absences, input.today, S)).toEqual([])
          expect(capacityOf(m, S)).toBeGreaterThan(0)
        }
        for (const e of excluded) expect(e.reasons.length).toBeGreaterThan(0)
        const seen = [...candidates, ...excluded].map((x) => x.memberId).sort()
        expect(seen).toEqual(input.members.map((m) => m.id).sort())
      }),
    )
  })

  it('ranks by utilisation after the assignment', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const after = suggest(input).candidates.map((c) => c.utilizationAfter)
        for (let i = 1; i < after.length; i += 1) {
          expect(after[i]).toBeGreaterThanOrEqual((after[i - 1] ?? 0) - 1e-9)
        }
      }),
    )
  })

  it('is deterministic: the order of the input rows changes nothing', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) >>> 0 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x)
        const shuffled = {
          ...input,
          members: shuffle(input.members),
          clients: shuffle(input.clients),
          absences: shuffle(input.absences),
        }
        expect(suggest(shuffled)).toEqual(suggest(input))
        expect(suggest(input)).toEqual(suggest(input))
      }),
    )
  })

  it('keeps equal-grade loads within one client weight when clients arrive one by one', () => {
    const arrivals = fc.array(
      fc.record({
        tier: fc.constantFrom(...TIERS),
        phaseId: fc.constantFrom(...PHASES),
        role: fc.constantFrom(...ROLES),
      }),
      { minLength: 1, maxLength: 60 },
    )
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), arrivals, (size, incoming) => {
        const team: LoadMember[] = IDS.slice(0, size).map((id) => ({
          id,
          name: id,
          grade: 'senior',
          roleIds: JOURNEY_ROLES,
          managerId: 'lead-1',
          capacityOverride: null,
          active: true,
        }))
        const clients: LoadClient[] = []
        let heaviest = 0
        for (const [i, a] of incoming.entries()) {
          const roleId = CARE_STAGE[a.role]
          const parts = partsIn(a.phaseId)
          const slot = {
            tier: a.tier,
            role: partOf(PARTS, a.phaseId, roleId),
            roleId,
            roleName: '',
          }
          const { candidates } = suggest({
            slot,
            client: { id: null, tier: a.tier, phaseId: a.phaseId, parts },
            currentAssignee: null,
            members: team,
            ...loadsOf(clients),
            absences: [],
            lastAssignedAt: new Map(),
            today: TODAY,
            settings: S,
          })
          const top = candidates[0]?.memberId ?? null
          expect(top).not.toBeNull()
          const people = top ? { [roleId]: top } : {}
          const added = { id: `c${i}`, ...a, slotRoles: CARE_STAGE, people, parts, overdueLevel: 0 }
          clients.push(added)
          heaviest = Math.max(heaviest, roleWeight(added, roleId, S))
          const loads = team.map((m) => memberLoads(clients, S).get(m.id) ?? 0)
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(heaviest + 1e-9)
        }
      }),
    )
  })

  it('proposes moves only to eligible same-grade peers, never over capacity', () => {
    let proposed = 0
    fc.assert(
      fc.property(inputArb, (input) => {
        const roleNames = new Map(JOURNEY_ROLES.map((r) => [r, r]))
        const moves = proposeMoves({ ...input, roleNames, roleParts: PARTS, pending: [] })
        proposed += moves.length
        const byId = new Map(input.members.map((m) => [m.id, m]))
        for (const move of moves) {
          const [from, to] = [byId.get(move.fromMemberId), byId.get(move.toMemberId)]
          const client = input.clients.find((c) => c.id === move.clientId)
          if (!from || !to || !client) throw new Error('a move names unknown rows')
          expect(to.grade).toBe(from.grade)
          expect(to.managerId).toBe(from.managerId)
          expect(move.from.before).toBeGreaterThan(S.overloadedAbove)
          expect(move.to.before).toBeLessThan(S.underloadedBelow)
          expect(move.to.after).toBeLessThanOrEqual(S.overloadedAbove)
          expect(client.people[move.roleId]).toBe(move.fromMemberId)
          const slot = {
            tier: client.tier,
            role: partOf(PARTS, client.phaseId, move.roleId),
            roleId: move.roleId,
            roleName: '',
          }
          expect(exclusions(to, slot, input.absences, TODAY, S)).toEqual([])
        }
        expect(new Set(moves.map((m) => `${m.clientId}:${m.roleId}`)).size).toBe(moves.length)
      }),
      // A fixed seed: with a random one, now and then none of the 300 teams was unbalanced
      // enough for a move, and the check below failed by luck (seen once on a fresh clone).
      { numRuns: 300, seed: 2026_12_02 },
    )
    // The generated teams must actually be unbalanced sometimes, or the property proves nothing.
    expect(proposed).toBeGreaterThan(0)
  })
})

describe('loads from per-member counts', () => {
  it('equal the loads summed client by client, for any clients', () => {
    fc.assert(
      fc.property(fc.array(clientArb, { maxLength: 40 }), (clients) => {
        // What the triggers of migration 0020 keep: per member and role, clients by tier and phase.
        const counts = new Map<string, Map<string, number>>()
        for (const c of clients) {
          for (const [roleId, memberId] of Object.entries(c.people)) {
            const key = `${memberId}\u0000${roleId}`
            const byKey = counts.get(key) ?? new Map<string, number>()
            const k = `${c.tier} ${c.phaseId}`
            byKey.set(k, (byKey.get(k) ?? 0) + 1)
            counts.set(key, byKey)
          }
        }
        const rows: RoleCounts[] = [...counts].map(([key, byKey]) => {
          const [memberId = '', roleId = ''] = key.split('\u0000')
          return {
            memberId,
            roleId,
            counts: [...byKey].map(([k, n]) => {
              const [tier, phaseId = ''] = k.split(' ') as [Tier, string]
              return { tier, phaseId, clients: n }
            }),
          }
        })
        const fromCounts = loadsFromCounts(rows, PARTS, S)
        const summed = memberLoads(clients, S)
        expect([...fromCounts.keys()].sort()).toEqual([...summed.keys()].sort())
        for (const [id, load] of summed) expect(fromCounts.get(id)).toBeCloseTo(load, 9)
      }),
    )
  })
})
