import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageRoleKind } from '../../schema/clients'
import {
  actingPeople,
  partOf,
  roleParts,
  ROLE_KINDS,
  unstaffedRoles,
} from '../../worker/domain/people'
import { alertRecipients, leadForRole } from '../../worker/domain/team'

const ROLES = ['sales', 'bizdev', 'account_manager', 'team_lead', 'support', 'finance']
const MEMBERS = ['m1', 'm2', 'm3', 'm4']

const stageRolesArb = fc.record({
  owner: fc.constantFrom(...ROLES),
  communicator: fc.constantFrom(...ROLES),
  support: fc.constantFrom(...ROLES),
})
const peopleArb = fc.dictionary(fc.constantFrom(...ROLES), fc.constantFrom(...MEMBERS))
const journeyArb = fc.array(
  fc.record({ phaseId: fc.constantFrom('p1', 'p2', 'p3'), roles: stageRolesArb }),
  { minLength: 1, maxLength: 12 },
)

describe('the acting people of a card', () => {
  it("are, for any journey and people, the client's people for the stage's roles", () => {
    fc.assert(
      fc.property(journeyArb, peopleArb, (stages, people) => {
        for (const stage of stages) {
          const acting = actingPeople(stage.roles, people)
          for (const kind of ROLE_KINDS) {
            expect(acting[kind]).toBe(people[stage.roles[kind]] ?? null)
            // Whoever acts holds that very role on the client: nobody acts without holding it.
            const who = acting[kind]
            if (who !== null) expect(people[stage.roles[kind]]).toBe(who)
          }
        }
      }),
    )
  })

  it('follow the stage, not the card: the handoff changes the owner without an edit', () => {
    const people = { sales: 'rep', account_manager: 'am', team_lead: 'lead' }
    const handoff = { owner: 'sales', communicator: 'account_manager', support: 'team_lead' }
    const kickoff = {
      owner: 'account_manager',
      communicator: 'account_manager',
      support: 'product',
    }
    expect(actingPeople(handoff, people)).toEqual({
      owner: 'rep',
      communicator: 'am',
      support: 'lead',
    })
    expect(actingPeople(kickoff, people)).toEqual({
      owner: 'am',
      communicator: 'am',
      support: null,
    })
  })

  it('leave a card unstaffed exactly where its owner or communicator role has nobody', () => {
    fc.assert(
      fc.property(stageRolesArb, peopleArb, (roles, people) => {
        const acting = actingPeople(roles, people)
        const unstaffed = unstaffedRoles(roles, people)
        expect(unstaffed.length === 0).toBe(acting.owner !== null && acting.communicator !== null)
        for (const r of unstaffed) expect(people[r]).toBeUndefined()
      }),
    )
  })
})

describe('the part a role plays', () => {
  const stages = [
    { phaseId: 'sale', roles: { owner: 'sales', communicator: 'sales', support: 'bizdev' } },
    { phaseId: 'sale', roles: { owner: 'bizdev', communicator: 'sales', support: 'product' } },
    {
      phaseId: 'care',
      roles: { owner: 'account_manager', communicator: 'account_manager', support: 'support' },
    },
    {
      phaseId: 'care',
      roles: { owner: 'support', communicator: 'account_manager', support: 'x' },
      archived: true,
    },
  ]

  it('is its strongest part over the live stages of the phase, with the stages per part', () => {
    const parts = roleParts(stages)
    expect(parts.get('sale')?.get('bizdev')).toEqual({
      part: 'owner',
      counts: { owner: 1, communicator: 0, support: 1 },
      stages: 2,
    })
    // Sales owns and talks at the first stage (counted once, as owner), talks at the second.
    expect(parts.get('sale')?.get('sales')?.counts).toEqual({
      owner: 1,
      communicator: 1,
      support: 0,
    })
    expect(parts.get('sale')?.get('product')?.part).toBe('support')
    // The archived stage does not count: support only supports in care.
    expect(parts.get('care')?.get('support')).toEqual({
      part: 'support',
      counts: { owner: 0, communicator: 0, support: 1 },
      stages: 1,
    })
  })

  it('falls back to its strongest part anywhere for a phase where it plays none', () => {
    const parts = roleParts(stages)
    expect(partOf(parts, 'care', 'sales')).toBe('owner')
    expect(partOf(parts, 'care', 'product')).toBe('support')
    expect(partOf(parts, 'care', 'nobody-plays-it')).toBe('support')
  })

  it('never ranks below any part the role plays at a stage of the phase', () => {
    const rank: Record<StageRoleKind, number> = { owner: 3, communicator: 2, support: 1 }
    fc.assert(
      fc.property(journeyArb, (journey) => {
        const parts = roleParts(journey)
        for (const s of journey) {
          for (const kind of ROLE_KINDS) {
            const p = parts.get(s.phaseId)?.get(s.roles[kind])
            expect(p && rank[p.part]).toBeGreaterThanOrEqual(rank[kind])
            // Each stage counts once per role, and no more stages than the phase has.
            if (p) {
              const counted = p.counts.owner + p.counts.communicator + p.counts.support
              expect(counted).toBeLessThanOrEqual(p.stages)
            }
          }
        }
      }),
    )
  })
})

describe('who hears about a role', () => {
  const org = [
    { id: 'lead-a', managerId: null, active: true, roleIds: ['team_lead'] },
    { id: 'lead-b', managerId: null, active: true, roleIds: ['team_lead'] },
    { id: 'am1', managerId: 'lead-a', active: true, roleIds: ['account_manager'] },
    { id: 'am2', managerId: 'lead-a', active: true, roleIds: ['account_manager'] },
    { id: 'am3', managerId: 'lead-b', active: true, roleIds: ['account_manager'] },
    { id: 'rep', managerId: 'lead-b', active: true, roleIds: ['sales'] },
    { id: 'gone', managerId: 'lead-b', active: false, roleIds: ['finance'] },
  ]

  it('is the lead with the most people who play the role', () => {
    expect(leadForRole('account_manager', org)).toBe('lead-a')
    expect(leadForRole('sales', org)).toBe('lead-b')
    expect(leadForRole('finance', org)).toBeNull()
  })

  it("is the person and their lead, else the role's lead, else the admins — never nobody", () => {
    expect(alertRecipients('am3', 'account_manager', org, ['admin'])).toEqual(['am3', 'lead-b'])
    expect(alertRecipients(null, 'account_manager', org, ['admin'])).toEqual(['lead-a'])
    expect(alertRecipients(null, 'finance', org, ['admin'])).toEqual(['admin'])
    expect(alertRecipients('lead-a', 'team_lead', org, ['admin'])).toEqual(['lead-a'])
  })
})
