import { describe, expect, it } from 'vitest'
import { imbalances } from '../../worker/domain/imbalance'
import { proposeMoves, type RebalanceInput } from '../../worker/domain/rebalance'
import { memberLoads } from '../../worker/domain/load'
import { PARTS, S, TODAY, client, member } from './load-fixtures'
import type { LoadClient, LoadMember } from '../../worker/domain/load'

const roleNames = new Map([['account_manager', 'Account manager']])

function run(members: LoadMember[], clients: LoadClient[], extra: Partial<RebalanceInput> = {}) {
  return proposeMoves({
    members,
    clients,
    absences: [],
    today: TODAY,
    settings: S,
    roleNames,
    roleParts: PARTS,
    pending: [],
    ...extra,
  })
}

/** A middle (capacity 12) account manager of `n` tier-B clients in care: 2 points each. */
const owned = (id: string, n: number) =>
  Array.from({ length: n }, () => client('B', { account_manager: id }))

describe('imbalance', () => {
  it('is someone over 100% while a same-grade peer under the same lead is under 70%', () => {
    const members = [member('over', 'middle'), member('under', 'middle'), member('sen', 'senior')]
    const clients = [...owned('over', 7), ...owned('under', 2)]
    expect(imbalances(members, clients, S)).toEqual([
      { leadId: 'lead', grade: 'middle', over: ['over'], under: ['under'] },
    ])
    // A peer of another grade, or under another lead, is not a peer.
    const apart = [member('over', 'middle'), member('under', 'middle', { managerId: 'other' })]
    expect(imbalances(apart, clients, S)).toEqual([])
  })

  it('proposes concrete moves until the imbalance is gone', () => {
    const members = [member('over', 'middle'), member('under', 'middle')]
    const clients = [...owned('over', 8), ...owned('under', 1)]
    const moves = run(members, clients)
    // 16/12 and 2/12 → two moves of 2 points: 12/12 is no longer over 100%, so it stops.
    expect(moves).toHaveLength(2)
    expect(moves[0]).toMatchObject({
      leadId: 'lead',
      roleId: 'account_manager',
      fromMemberId: 'over',
      toMemberId: 'under',
      weight: 2,
      reason: 'OVER (middle) 133% → 117%; UNDER 17% → 33%',
    })
    const after = clients.map((c) => {
      const m = moves.find((x) => x.clientId === c.id)
      return m ? { ...c, people: { ...c.people, account_manager: m.toMemberId } } : c
    })
    expect(imbalances(members, after, S)).toEqual([])
    expect(memberLoads(after, S)).toEqual(
      new Map([
        ['over', 12],
        ['under', 6],
      ]),
    )
  })

  it('never moves to an ineligible peer, nor pushes the peer over 100%', () => {
    const members = [
      member('over', 'middle'),
      member('absent', 'middle'),
      member('norole', 'middle', { roleIds: ['sales'] }),
    ]
    const clients = owned('over', 8)
    const absences = [{ memberId: 'absent', from: TODAY, to: TODAY }]
    expect(run(members, clients, { absences })).toEqual([])
    // A single heavy client (A onboarding owner: 4.5) would push a peer at 8/12 to 104%.
    const heavy = [
      client('A', { account_manager: 'big' }, { phaseId: 'onboarding' }),
      client('A', { account_manager: 'big' }, { phaseId: 'onboarding' }),
      client('A', { account_manager: 'big' }, { phaseId: 'onboarding' }),
      client('A', { account_manager: 'big' }, { phaseId: 'onboarding' }),
      ...owned('peer', 4),
    ]
    const seniors = [member('big', 'senior'), member('peer', 'senior', { capacityOverride: 12 })]
    expect(run(seniors, heavy)).toEqual([])
  })

  it('counts open proposals as done and never proposes their roles again', () => {
    const members = [member('over', 'middle'), member('under', 'middle')]
    const clients = [...owned('over', 8), ...owned('under', 1)]
    const first = run(members, clients)
    const pending = first.map((m) => ({
      clientId: m.clientId,
      roleId: m.roleId,
      toMemberId: m.toMemberId,
    }))
    expect(run(members, clients, { pending })).toEqual([])
    const partly = run(members, clients, { pending: pending.slice(0, 1) })
    expect(partly).toHaveLength(1)
    expect(partly.map((m) => m.clientId)).not.toContain(pending[0]?.clientId)
  })

  it('gives the same proposals for the same data', () => {
    const members = [member('o1', 'middle'), member('o2', 'middle'), member('u', 'middle')]
    const clients = [...owned('o1', 7), ...owned('o2', 7)]
    expect(run(members, clients)).toEqual(run([...members].reverse(), [...clients].reverse()))
  })
})
