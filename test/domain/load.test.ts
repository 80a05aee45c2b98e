import { describe, expect, it } from 'vitest'
import { absentUntil, exclusions } from '../../worker/domain/eligibility'
import {
  capacityOf,
  memberLoads,
  overdueCounts,
  roleWeight,
  slotWeight,
  utilisation,
} from '../../worker/domain/load'
import { suggest } from '../../worker/domain/suggest'
import { spanExceeded, teamOf } from '../../worker/domain/team'
import { S, TODAY, client, input, member, ownerSlot } from './load-fixtures'

describe('the load model', () => {
  it('weighs a slot by tier × role × phase effort', () => {
    expect(slotWeight({ tier: 'A', phaseId: 'care' }, 'owner', S)).toBe(3)
    expect(slotWeight({ tier: 'A', phaseId: 'onboarding' }, 'owner', S)).toBe(4.5)
    expect(slotWeight({ tier: 'B', phaseId: 'care' }, 'communicator', S)).toBe(1)
    expect(slotWeight({ tier: 'C', phaseId: 'care' }, 'support', S)).toBe(0.25)
    expect(slotWeight({ tier: 'C', phaseId: 'a-phase-added-later' }, 'owner', S)).toBe(1)
  })

  it('counts onboarding heavier than account care', () => {
    const onboarding = slotWeight({ tier: 'B', phaseId: 'onboarding' }, 'owner', S)
    expect(onboarding).toBeGreaterThan(slotWeight({ tier: 'B', phaseId: 'care' }, 'owner', S))
  })

  it('takes capacity from the grade unless the member has an override', () => {
    expect(capacityOf(member('a', 'intern'), S)).toBe(4)
    expect(capacityOf(member('a', 'junior'), S)).toBe(8)
    expect(capacityOf(member('a', 'middle'), S)).toBe(12)
    expect(capacityOf(member('a', 'senior'), S)).toBe(16)
    expect(capacityOf(member('a', 'lead'), S)).toBe(6)
    expect(capacityOf(member('a', 'senior', { capacityOverride: 8 }), S)).toBe(8)
    expect(utilisation(6, 8)).toBe(0.75)
    expect(utilisation(1, 0)).toBeNull()
  })

  it('weighs each role a member holds once, by the part it plays in the phase', () => {
    const clients = [
      // Account care: the account manager owns (and talks), support engineers support.
      client('A', { account_manager: 'x' }, { overdueLevel: 2 }),
      client('C', { support: 'x', account_manager: 'y' }),
      // Sales has no part in account care: its rep no longer carries the client.
      client('B', { sales: 'y' }),
    ]
    expect(memberLoads(clients, S)).toEqual(
      new Map([
        ['x', 3 + 0.25],
        ['y', 1],
      ]),
    )
    expect(overdueCounts(clients)).toEqual(new Map([['x', 1]]))
  })

  it('weighs a role by its parts over the stages of the phase, not by the stage the card is at', () => {
    // Onboarding (two stages here): the account manager talks at "Account manager assigned"
    // and owns the kickoff; sales supports at the first only.
    const c = client('B', { account_manager: 'x', sales: 'y' }, { phaseId: 'onboarding' })
    expect(roleWeight(c, 'account_manager', S)).toBe(2 * ((0.5 + 1) / 2) * 1.5)
    expect(roleWeight(c, 'sales', S)).toBe(2 * (0.25 / 2) * 1.5)
    expect(roleWeight(c, 'finance', S)).toBe(0)
  })
})

describe('eligibility', () => {
  const slot = ownerSlot('A')

  it('asks for the tier minimum grade on owner and communicator slots', () => {
    expect(exclusions(member('s', 'senior'), slot, [], TODAY, S)).toEqual([])
    expect(exclusions(member('l', 'lead'), slot, [], TODAY, S)).toEqual([])
    expect(exclusions(member('j', 'junior'), slot, [], TODAY, S)).toEqual([
      { code: 'grade', text: 'junior: below the minimum grade for tier A' },
    ])
    expect(exclusions(member('m', 'middle'), ownerSlot('B'), [], TODAY, S)).toEqual([])
    expect(exclusions(member('j', 'junior'), ownerSlot('C'), [], TODAY, S)).toEqual([])
  })

  it('lets interns only support', () => {
    expect(exclusions(member('i', 'intern'), ownerSlot('C'), [], TODAY, S)[0]?.code).toBe('intern')
    const support = { ...ownerSlot('A'), role: 'support' as const, roleId: 'support' }
    expect(exclusions(member('i', 'intern'), support, [], TODAY, S)).toEqual([])
  })

  it('refuses the inactive, those who cannot play the role, and the absent, saying why', () => {
    const m = member('m', 'junior', { active: false, roleIds: ['sales'] })
    const absences = [{ memberId: 'm', from: '2026-11-20', to: '2026-12-01' }]
    expect(exclusions(m, slot, absences, TODAY, S).map((e) => e.text)).toEqual([
      'inactive',
      'cannot play Account manager',
      'absent until 2026-12-01',
      'junior: below the minimum grade for tier A',
    ])
  })

  it('follows back-to-back absences to their end and ignores ones not covering today', () => {
    const absences = [
      { memberId: 'm', from: '2026-11-16', to: '2026-11-24' },
      { memberId: 'm', from: '2026-11-25', to: '2026-11-30' },
      { memberId: 'm', from: '2026-12-10', to: '2026-12-12' },
      { memberId: 'other', from: '2026-11-01', to: '2026-12-31' },
    ]
    expect(absentUntil('m', absences, TODAY)).toBe('2026-11-30')
    expect(absentUntil('m', absences, '2026-12-01')).toBeNull()
    expect(absentUntil('m', absences, '2026-12-12')).toBe('2026-12-12')
  })
})

describe('suggestions', () => {
  it('ranks by utilisation after the assignment, with reasons', () => {
    // A senior at 9.25/16 = 58% takes a tier-A owner slot (3 points): 77%.
    const members = [member('busy', 'senior'), member('free', 'senior'), member('jun', 'junior')]
    const clients = [
      client('A', { account_manager: 'busy' }),
      client('A', { account_manager: 'busy' }),
      client('B', { account_manager: 'busy' }),
      client('C', { account_manager: 'busy' }),
      client('C', { support: 'busy' }),
      client('A', { account_manager: 'free' }),
    ]
    const { weight, candidates, excluded } = suggest(input('A', members, clients))
    expect(weight).toBe(3)
    expect(candidates.map((c) => c.memberId)).toEqual(['free', 'busy'])
    expect(candidates[1]).toMatchObject({ utilizationBefore: 9.25 / 16 })
    expect(candidates[1]?.utilizationAfter).toBeCloseTo(12.25 / 16)
    expect(candidates[1]?.reasons[0]).toBe('senior · 58% → 77%')
    expect(excluded).toEqual([
      {
        memberId: 'jun',
        name: 'JUN',
        grade: 'junior',
        codes: ['grade'],
        reasons: ['junior: below the minimum grade for tier A'],
      },
    ])
  })

  it('compares utilisation, not raw load, across grades', () => {
    // Both carry 6 points: the senior is at 38%, the middle at 50%.
    const members = [member('mid', 'middle'), member('sen', 'senior')]
    const clients = [
      client('A', { account_manager: 'mid' }),
      client('A', { account_manager: 'mid' }),
    ]
    clients.push(client('A', { account_manager: 'sen' }), client('A', { account_manager: 'sen' }))
    expect(suggest(input('B', members, clients)).candidates[0]?.memberId).toBe('sen')
  })

  it('breaks ties by fewer overdue cards, then the longest wait since a new client, then id', () => {
    const members = ['d', 'c', 'b', 'a'].map((id) => member(id, 'middle'))
    const clients = [
      client('C', { support: 'a' }, { overdueLevel: 1 }),
      client('C', { support: 'b' }),
      client('C', { support: 'c' }),
      client('C', { support: 'd' }),
    ]
    const lastAssignedAt = new Map([
      ['b', 300],
      ['c', 100],
    ])
    const ranked = suggest(input('B', members, clients, { lastAssignedAt })).candidates
    // d never got one; c waited longer than b; a has an overdue card.
    expect(ranked.map((c) => c.memberId)).toEqual(['d', 'c', 'b', 'a'])
    const fresh = suggest(
      input(
        'B',
        ['z', 'y'].map((id) => member(id, 'middle')),
      ),
    ).candidates
    expect(fresh.map((c) => c.memberId)).toEqual(['y', 'z'])
  })

  it('does not add the weight again for the member already holding the slot', () => {
    const members = [member('holder', 'middle'), member('other', 'middle')]
    const held = client('B', { account_manager: 'holder' })
    const ranked = suggest(
      input('B', members, [held], {
        client: { id: held.id, tier: 'B', phaseId: 'care', parts: held.parts },
        currentAssignee: 'holder',
      }),
    ).candidates
    expect(ranked[0]).toMatchObject({ memberId: 'holder', utilizationBefore: 2 / 12 })
    expect(ranked[0]?.utilizationAfter).toBe(2 / 12)
    expect(ranked[0]?.reasons).toContain('already the Account manager')
  })

  it('leaves out a member with no capacity', () => {
    const m = member('zero', 'senior', { capacityOverride: 0 })
    const { candidates, excluded } = suggest(input('A', [m]))
    expect(candidates).toEqual([])
    expect(excluded[0]?.reasons).toEqual(['senior: no capacity'])
  })
})

describe('span of control', () => {
  const org = [
    ...Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, managerId: 'big', active: true })),
    { id: 'gone', managerId: 'small', active: false },
    ...Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, managerId: 'small', active: true })),
    { id: 'big', managerId: 'director', active: true },
    { id: 'small', managerId: 'director', active: true },
  ]

  it('flags leads with more than seven active direct reports', () => {
    expect(spanExceeded(org, S.spanOfControl)).toEqual(new Map([['big', 8]]))
  })

  it('finds a whole team through its levels', () => {
    expect(teamOf('director', org).size).toBe(19)
    expect([...teamOf('small', org)].sort()).toEqual(
      ['small', 'gone', ...Array.from({ length: 7 }, (_, i) => `b${i}`)].sort(),
    )
  })
})
