import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from '../api/helpers'
import { newClient, newLead, newMember } from '../api/team-helpers'
import { runCron, SWEEP } from './run-cron'

const overdueNotes = (clientId: string) =>
  env.DB.prepare(
    "SELECT member_id FROM notifications WHERE client_id = ?1 AND kind = 'overdue' ORDER BY member_id",
  )
    .bind(clientId)
    .all<{ member_id: string }>()
    .then((r) => r.results.map((n) => n.member_id))

describe('the sales → account handoff', () => {
  it('makes the account manager the owner at Kickoff, and the sweep alerts them and their lead', async () => {
    const salesLead = await newLead()
    const amLead = await newLead()
    const rep = await newMember('senior', salesLead.memberId, { roleIds: ['sales'] })
    const am = await newMember('senior', amLead.memberId)
    const client = await newClient('B', { sales: rep }, 'payment-received')
    // Payment received: finance owns, the account manager talks, sales supports.
    expect(client.acting).toEqual({ owner: null, communicator: null, support: rep })

    const move = async (stageId: string) => {
      const current = (await api(`/clients/${client.id}`)).body
      const res = await api(`/clients/${client.id}/move`, {
        method: 'POST',
        json: { stageId, version: current.version },
      })
      expect(res.status).toBe(200)
      return res.body
    }
    // Sales→account handoff: sales still owns it, the account manager (none yet) talks.
    expect((await move('handoff')).acting).toMatchObject({ owner: rep })
    const assigned = await move('account-manager-assigned')
    const set = await api(`/clients/${client.id}/people/account_manager`, {
      as: amLead.as,
      method: 'PUT',
      json: { memberId: am, version: assigned.version, reason: 'Handoff' },
    })
    expect(set.status).toBe(200)
    const kickoff = await move('kickoff')
    // Nobody edited the card's people: the stage names another role.
    expect(kickoff.people).toEqual({ sales: rep, account_manager: am })
    expect(kickoff.acting).toEqual({ owner: am, communicator: am, support: null })

    await runCron(SWEEP, Date.parse(kickoff.dueAt) + 60_000)
    expect((await api(`/clients/${client.id}`)).body.overdueLevel).toBe(1)
    expect(await overdueNotes(client.id)).toEqual([am, amLead.memberId].sort())

    // "My cards" for the account manager: the card is theirs now, not the sales rep's.
    const mine = await api(`/clients?memberId=${am}`)
    expect(mine.body.clients.map((c: { id: string }) => c.id)).toEqual([client.id])
    const reps = await api(`/clients?memberId=${rep}`)
    expect(reps.body.clients.map((c: { id: string }) => c.id)).not.toContain(client.id)
  })

  it('alerts the admins when an overdue card has no owner and its role no lead', async () => {
    const admin = await newMember('lead', null, { roleIds: ['team_lead'] })
    await env.DB.prepare("UPDATE users SET member_id = ?1 WHERE id = 'u-admin'").bind(admin).run()
    // Payment received belongs to finance; nobody in finance has a lead.
    await newMember('middle', null, { roleIds: ['finance'] })
    const client = await newClient('C', {}, 'payment-received')
    await runCron(SWEEP, Date.parse(client.dueAt ?? '') + 60_000)
    expect(await overdueNotes(client.id)).toEqual([admin])
    await env.DB.prepare("UPDATE users SET member_id = NULL WHERE id = 'u-admin'").run()
  })
})
