import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from './helpers'
import { newClient, newLead, newMember } from './team-helpers'

/** An inactive intern who plays the account manager role, in the lead's team. */
async function inactiveIntern(leadId: string) {
  const id = await newMember('intern', leadId)
  const member = (await api(`/members/${id}`)).body
  const off = await api(`/members/${id}`, {
    method: 'PATCH',
    json: { version: member.version, active: false },
  })
  expect(off.status).toBe(200)
  return id
}

const inbox = (memberId: string, clientId: string, kind: string) =>
  env.DB.prepare(
    'SELECT * FROM notifications WHERE member_id = ?1 AND client_id = ?2 AND kind = ?3',
  )
    .bind(memberId, clientId, kind)
    .all()
    .then((r) => r.results)

describe('every path that sets a person runs the same gate', () => {
  it('refuses an inactive intern as owner of a tier-A client through POST, PATCH and PUT', async () => {
    const lead = await newLead()
    const intern = await inactiveIntern(lead.memberId)
    // Regular check-in: the account manager owns the stage.
    const created = await api('/clients', {
      as: lead.as,
      method: 'POST',
      json: {
        name: 'Ключевой',
        company: 'АО «Ключ»',
        tier: 'A',
        stageId: 'regular-check-in',
        people: { account_manager: intern },
        reason: 'Try',
      },
    })
    expect(created.status).toBe(422)
    const posted = created.body.error.fields['people.account_manager'] as string[]
    expect(posted.join(' ')).toContain('inactive')
    expect(posted.join(' ')).toContain('interns only take the support role')

    const client = await newClient('A')
    const patched = await api(`/clients/${client.id}`, {
      as: lead.as,
      method: 'PATCH',
      json: { version: client.version, people: { account_manager: intern }, reason: 'Try' },
    })
    expect(patched.status).toBe(422)
    expect(patched.body.error.fields['people.account_manager'].join(' ')).toContain('inactive')

    const put = await api(`/clients/${client.id}/people/account_manager`, {
      as: lead.as,
      method: 'PUT',
      json: { memberId: intern, version: client.version, reason: 'Try' },
    })
    expect(put.status).toBe(422)
    expect(put.body.error.fields.memberId.join(' ')).toContain('inactive')

    // Nothing landed on any path.
    expect((await api(`/clients/${client.id}`)).body).toMatchObject({ version: 1, people: {} })
    expect((await api(`/clients/${client.id}/people`)).body.people).toEqual([])
  })

  it('refuses a lead who sets someone outside their team, on every path', async () => {
    const lead = await newLead()
    const other = await newLead()
    const theirs = await newMember('senior', other.memberId)
    const client = await newClient('B')
    const tries = [
      api('/clients', {
        as: lead.as,
        method: 'POST',
        json: {
          name: 'Чужой',
          company: 'ООО «Чужой»',
          tier: 'B',
          stageId: 'kickoff',
          people: { account_manager: theirs },
          reason: 'Try',
        },
      }),
      api(`/clients/${client.id}`, {
        as: lead.as,
        method: 'PATCH',
        json: { version: 1, people: { account_manager: theirs }, reason: 'Try' },
      }),
      api(`/clients/${client.id}/people/account_manager`, {
        as: lead.as,
        method: 'PUT',
        json: { memberId: theirs, version: 1, reason: 'Try' },
      }),
      api(`/clients/${client.id}/assign`, {
        as: lead.as,
        method: 'POST',
        json: { roleId: 'account_manager', memberId: theirs, version: 1, reason: 'Try' },
      }),
    ]
    for (const res of await Promise.all(tries)) {
      expect(res.status).toBe(403)
      expect(res.body.error.message).toContain('own team')
    }
    // Their own lead may.
    const ok = await api(`/clients/${client.id}/people/account_manager`, {
      as: other.as,
      method: 'PUT',
      json: { memberId: theirs, version: 1 },
    })
    expect(ok.status).toBe(200)
    // And the first lead may not clear it either.
    const cleared = await api(`/clients/${client.id}/people/account_manager?version=2`, {
      as: lead.as,
      method: 'DELETE',
    })
    expect(cleared.status).toBe(403)
  })

  it('needs a reason on POST and PATCH when the pick is not the top suggestion', async () => {
    const lead = await newLead()
    const idle = await newMember('middle', lead.memberId)
    const busy = await newMember('middle', lead.memberId)
    await newClient('B', { account_manager: busy })
    const json = { name: 'Без причины', company: 'ООО «Б»', tier: 'C', stageId: 'kickoff' }
    const unexplained = await api('/clients', {
      as: lead.as,
      method: 'POST',
      json: { ...json, people: { account_manager: busy } },
    })
    expect(unexplained.status).toBe(422)
    expect(unexplained.body.error.fields.reason[0]).toContain(idle)
    const top = await api('/clients', {
      as: lead.as,
      method: 'POST',
      json: { ...json, people: { account_manager: idle } },
    })
    expect(top.status).toBe(201)
    const history = await api(`/clients/${top.body.id}/history`)
    expect(history.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'assigned',
      'created',
    ])
    expect(history.body.events[0]).toMatchObject({
      version: 1,
      data: { roleId: 'account_manager', to: idle, suggested: idle, reason: null },
    })
    const people = await api(`/clients/${top.body.id}/people`)
    expect(people.body.people).toEqual([
      expect.objectContaining({ roleId: 'account_manager', memberId: idle, reason: null }),
    ])
  })

  it('answers the old shape with what to send instead', async () => {
    const client = await newClient('C')
    const res = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: 1, assignees: { owner: 't-member' } },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.fields.assignees[0]).toContain('send people {roleId: memberId}')
  })
})

describe('people per role', () => {
  it('sets, lists and clears a role, each a versioned write', async () => {
    const lead = await newLead()
    const am = await newMember('senior', lead.memberId)
    const client = await newClient('B', {}, 'kickoff')
    const set = await api(`/clients/${client.id}/people/account_manager`, {
      as: lead.as,
      method: 'PUT',
      json: { memberId: am, version: 1 },
    })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({
      version: 2,
      people: { account_manager: am },
      acting: { owner: am, communicator: am, support: null },
    })
    const stale = await api(`/clients/${client.id}/people/account_manager?version=1`, {
      as: lead.as,
      method: 'DELETE',
    })
    expect(stale.status).toBe(409)
    const cleared = await api(`/clients/${client.id}/people/account_manager?version=2`, {
      as: lead.as,
      method: 'DELETE',
    })
    expect(cleared.status).toBe(200)
    expect(cleared.body).toMatchObject({ version: 3, people: {}, acting: { owner: null } })
    const history = await api(`/clients/${client.id}/history`)
    expect(history.body.events[0]).toMatchObject({
      kind: 'unassigned',
      version: 3,
      data: { roleId: 'account_manager', from: am },
    })
  })

  it('tells the lead once about a card entering a stage nobody owns, and again after the role empties', async () => {
    const lead = await newLead()
    const am = await newMember('senior', lead.memberId)
    // The lead with the most account managers hears: give this one the most.
    for (let i = 0; i < 30; i += 1) await newMember('junior', lead.memberId)
    const client = await newClient('B', {}, 'payment-received')
    const move = (stageId: string, version: number) =>
      api(`/clients/${client.id}/move`, { method: 'POST', json: { stageId, version } })
    // Account manager assigned: the account manager talks to the client — and there is none.
    expect((await move('account-manager-assigned', 1)).status).toBe(200)
    expect((await move('kickoff', 2)).status).toBe(200)
    expect(await inbox(lead.memberId, client.id, 'unstaffed')).toHaveLength(1)

    const put = await api(`/clients/${client.id}/people/account_manager`, {
      as: lead.as,
      method: 'PUT',
      json: { memberId: am, version: 3 },
    })
    expect(put.status).toBe(200)
    const del = await api(`/clients/${client.id}/people/account_manager?version=4`, {
      as: lead.as,
      method: 'DELETE',
    })
    expect(del.status).toBe(200)
    expect((await move('onboarding-plan', 5)).status).toBe(200)
    expect(await inbox(lead.memberId, client.id, 'unstaffed')).toHaveLength(2)
  })

  it('gives a task made while its role was empty to whoever fills the role', async () => {
    const lead = await newLead()
    const am = await newMember('senior', lead.memberId)
    const client = await newClient('B', {}, 'contract-draft')
    const moved = await api(`/clients/${client.id}/move`, {
      method: 'POST',
      json: { stageId: 'contract-signed', version: 1 },
    })
    expect(moved.status).toBe(200)
    const waiting = (await api(`/clients/${client.id}/tasks`)).body.tasks
    expect(waiting).toEqual([
      expect.objectContaining({ assigneeRoleId: 'account_manager', assigneeMemberId: null }),
    ])
    const put = await api(`/clients/${client.id}/people/account_manager`, {
      as: lead.as,
      method: 'PUT',
      json: { memberId: am, version: 2, reason: 'Appointed' },
    })
    expect(put.status).toBe(200)
    const given = (await api(`/clients/${client.id}/tasks`)).body.tasks
    expect(given).toEqual([
      expect.objectContaining({ title: 'Провести обучение продукту', assigneeMemberId: am }),
    ])
  })
})
