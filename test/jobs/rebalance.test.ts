import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, type Caller } from '../api/helpers'
import { newClient, newLead, newMember } from '../api/team-helpers'
import { MORNING, runCron } from './run-cron'

/** Monday 06:00 UTC, 09:00 in Moscow. */
const MONDAY = Date.parse('2026-11-23T06:00:00Z')

interface Proposal {
  id: string
  clientId: string
  roleId: string
  fromMemberId: string
  toMemberId: string
  status: string
  reason: string
}

/**
 * A lead with two middles, account managers of tier-B clients in care (1.8333 points each):
 * one with eight (122%), one with one (15%).
 */
async function unbalancedTeam() {
  const lead = await newLead()
  const over = await newMember('middle', lead.memberId)
  const under = await newMember('middle', lead.memberId)
  const clients = []
  for (let i = 0; i < 8; i += 1) clients.push(await newClient('B', { account_manager: over }))
  await newClient('B', { account_manager: under })
  return { lead, over, under, clients }
}

const proposals = async (as: Caller, status = 'proposed') =>
  (await api(`/rebalance?status=${status}`, { as })).body.proposals as Proposal[]

async function inbox(memberId: string) {
  const { results } = await env.DB.prepare(
    "SELECT * FROM notifications WHERE member_id = ?1 AND kind = 'rebalance'",
  )
    .bind(memberId)
    .all<{ client_id: string; title: string; data: string }>()
  return results
}

describe('the morning rebalance', () => {
  it('proposes concrete moves to the lead and notifies them once, however often it runs', async () => {
    const { lead, over, under } = await unbalancedTeam()
    await runCron(MORNING, MONDAY)
    await runCron(MORNING, MONDAY + 60_000)
    await Promise.all([runCron(MORNING, MONDAY + 120_000), runCron(MORNING, MONDAY + 120_000)])

    const open = await proposals(lead.as)
    // Two moves of 1.8333 points: 122% → 107% → 92%, no longer over 100%.
    expect(open).toHaveLength(2)
    for (const p of open) {
      expect(p).toMatchObject({
        roleId: 'account_manager',
        fromMemberId: over,
        toMemberId: under,
        status: 'proposed',
      })
    }
    expect(open[0]?.reason).toMatch(/122% → 107%|107% → 92%/)
    const notes = await inbox(lead.memberId)
    expect(notes).toHaveLength(2)
    expect(notes.map((n) => n.client_id).sort()).toEqual(open.map((p) => p.clientId).sort())
    expect(notes[0]?.title).toMatch(/^Перераспределить «.+» \(Аккаунт-менеджер\)/)
    expect(JSON.parse(notes[0]?.data ?? '{}').en.title).toMatch(/^Move .+ \(Account manager\)/)

    // Another lead, a member, a viewer do not see or decide them.
    const other = await newLead()
    expect(await proposals(other.as)).toEqual([])
    expect((await api('/rebalance', { as: 'member' })).status).toBe(403)
    const id = open[0]?.id ?? ''
    const refused = await api(`/rebalance/${id}/dismiss`, { as: other.as, method: 'POST' })
    expect(refused.status).toBe(403)
    expect((await api('/rebalance?status=all')).body.proposals.length).toBeGreaterThanOrEqual(2)
  })

  it('applies an accepted move with the client version, in the history, and only once', async () => {
    const { lead, under } = await unbalancedTeam()
    await runCron(MORNING, MONDAY)
    const [first, second] = await proposals(lead.as)
    if (!first || !second) throw new Error('expected two proposals')
    const client = (await api(`/clients/${first.clientId}`)).body

    const stale = await api(`/rebalance/${first.id}/accept`, {
      as: lead.as,
      method: 'POST',
      json: { version: client.version + 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current).toMatchObject({ id: client.id, version: client.version })

    const accepted = await api(`/rebalance/${first.id}/accept`, {
      as: lead.as,
      method: 'POST',
      json: { version: client.version },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body.proposal).toMatchObject({ status: 'accepted' })
    expect(accepted.body.client).toMatchObject({
      version: client.version + 1,
      people: { account_manager: under },
    })
    const history = await api(`/clients/${client.id}/history`)
    expect(history.body.events[0]).toMatchObject({
      kind: 'assigned',
      data: { roleId: 'account_manager', to: under, proposalId: first.id },
    })

    const twice = await api(`/rebalance/${first.id}/accept`, {
      as: lead.as,
      method: 'POST',
      json: { version: client.version + 1 },
    })
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('already_decided')

    const dismissed = await api(`/rebalance/${second.id}/dismiss`, { as: lead.as, method: 'POST' })
    expect(dismissed.status).toBe(200)
    expect(dismissed.body.status).toBe('dismissed')
    expect(await proposals(lead.as)).toEqual([])
  })

  it('closes a proposal the data overtook, and proposes nothing for a balanced team', async () => {
    const { lead, under, clients } = await unbalancedTeam()
    await runCron(MORNING, MONDAY)
    const open = await proposals(lead.as)
    expect(open).toHaveLength(2)
    // The lead rebalances by hand instead: the proposed clients and two more go to `under`.
    const proposed = open.map((p) => p.clientId)
    const byHand = [...proposed, ...clients.map((c) => c.id).filter((id) => !proposed.includes(id))]
    for (const id of byHand.slice(0, 4)) {
      const current = (await api(`/clients/${id}`)).body
      const res = await api(`/clients/${id}`, {
        method: 'PATCH',
        json: {
          version: current.version,
          people: { account_manager: under },
          reason: 'By hand',
        },
      })
      expect(res.status).toBe(200)
    }
    await runCron(MORNING, MONDAY + 86_400_000)
    const after = await proposals(lead.as, 'all')
    // 61% and 76%: nobody is over 100%, so nothing new, and the overtaken ones are closed.
    expect(after).toHaveLength(2)
    for (const p of after) {
      expect(p).toMatchObject({ status: 'dismissed', decidedBy: null })
    }
  })

  it('never proposes a move to an absent peer', async () => {
    const { lead, under } = await unbalancedTeam()
    await api(`/members/${under}/absences`, {
      as: lead.as,
      method: 'POST',
      json: { from: '2026-11-20', to: '2026-11-27' },
    })
    await runCron(MORNING, MONDAY)
    expect(await proposals(lead.as)).toEqual([])
    expect(await inbox(lead.memberId)).toEqual([])
  })
})
