import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

describe("the client's money, hours and NPS", () => {
  it('keeps money in minor units, versioned, and refuses floats naming the field', async () => {
    const client = await createClient('kickoff')
    const fresh = await api(`/clients/${client.id}/profile`, { as: 'viewer' })
    expect(fresh.body).toMatchObject({ currency: 'RUB', contractValue: null, version: 1 })
    const float = await api(`/clients/${client.id}/profile`, {
      method: 'PATCH',
      json: { version: 1, contractValue: 1500.5 },
    })
    expect(float.status).toBe(422)
    expect(Object.keys(float.body.error.fields)).toEqual(['contractValue'])
    const saved = await api(`/clients/${client.id}/profile`, {
      method: 'PATCH',
      as: 'member',
      json: {
        version: 1,
        contractValue: 360_000_00,
        monthlyRevenue: 30_000_00,
        marginPercent: 40,
        startDate: '2026-01-15',
        renewalDate: '2027-01-15',
        sourceId: 'source-referral',
      },
    })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ contractValue: 36_000_000, version: 2 })
    const stale = await api(`/clients/${client.id}/profile`, {
      method: 'PATCH',
      json: { version: 1, marginPercent: 10 },
    })
    expect(stale.status).toBe(409)
    const events = (await api(`/clients/${client.id}/history`)).body.events
    expect(events[0]).toMatchObject({ kind: 'profile_edited', version: 2 })
    const unknown = await api(`/clients/${client.id}/profile`, {
      method: 'PATCH',
      json: { version: 2, sourceId: 'loss-price' },
    })
    expect(Object.keys(unknown.body.error.fields)).toEqual(['sourceId'])
    const viewer = await api(`/clients/${client.id}/profile`, {
      method: 'PATCH',
      as: 'viewer',
      json: { version: 2, marginPercent: 10 },
    })
    expect(viewer.status).toBe(403)
  })

  it('logs time and reports margin per hour per client and per account manager', async () => {
    const am = await api('/members', {
      method: 'POST',
      json: {
        name: 'Мария Маржина',
        email: 'maria.margin@board.test',
        grade: 'senior',
        roleIds: ['account_manager'],
      },
    })
    const client = await createClient('kickoff', { people: { account_manager: am.body.id } })
    await api(`/clients/${client.id}/profile`, {
      method: 'PATCH',
      json: { version: 1, monthlyRevenue: 100_000_00, marginPercent: 30, startDate: '2020-01-01' },
    })
    const noMember = await api(`/clients/${client.id}/time`, {
      method: 'POST',
      json: { minutes: 60, spentOn: '2029-05-10', note: 'Созвон' },
    })
    expect(noMember.status).toBe(422)
    expect(Object.keys(noMember.body.error.fields)).toEqual(['memberId'])
    const mine = await api(`/clients/${client.id}/time`, {
      method: 'POST',
      as: 'member',
      json: { minutes: 600, spentOn: '2029-05-10', note: 'Отчёт клиенту' },
    })
    expect(mine.body).toMatchObject({ memberId: 't-member', memberName: 'Тест Аккаунт' })
    const theirs = await api(`/clients/${client.id}/time`, {
      method: 'POST',
      json: { minutes: 300, spentOn: '2029-05-31', memberId: am.body.id },
    })
    expect(theirs.status).toBe(201)
    const report = await api('/record/margin?from=2029-05&to=2029-05', { as: 'viewer' })
    // 100 000 ₽ × 30 % = 30 000 ₽ of margin over 15 hours: 2 000 ₽ an hour, in kopecks.
    expect(report.body.clients).toContainEqual(
      expect.objectContaining({
        clientId: client.id,
        margin: 30_000_00,
        minutes: 900,
        marginPerHour: 2_000_00,
      }),
    )
    const manager = report.body.managers.find(
      (m: { memberId: string }) => m.memberId === am.body.id,
    )
    expect(manager).toMatchObject({
      currency: 'RUB',
      name: 'Мария Маржина',
      minutes: 900,
      marginPerHour: 2_000_00,
    })
    const backwards = await api('/record/margin?from=2029-06&to=2029-05')
    expect(Object.keys(backwards.body.error.fields)).toEqual(['from'])
  })

  it('records NPS per contact of the client only', async () => {
    const client = await createClient('feedback-nps')
    const { body: contact } = await api(`/clients/${client.id}/contacts`, {
      method: 'POST',
      json: { name: 'Анна' },
    })
    const bad = await api(`/clients/${client.id}/nps`, {
      method: 'POST',
      json: { contactId: contact.id, score: 11, answeredOn: '2026-11-20' },
    })
    expect(Object.keys(bad.body.error.fields)).toEqual(['score'])
    const other = await api(`/clients/${client.id}/nps`, {
      method: 'POST',
      json: { contactId: 'nobody', score: 9, answeredOn: '2026-11-20' },
    })
    expect(Object.keys(other.body.error.fields)).toEqual(['contactId'])
    const ok = await api(`/clients/${client.id}/nps`, {
      method: 'POST',
      as: 'member',
      json: {
        contactId: contact.id,
        score: 9,
        comment: 'Быстро отвечают',
        answeredOn: '2026-11-20',
      },
    })
    expect(ok.status).toBe(201)
    const listed = await api(`/clients/${client.id}/nps`, { as: 'viewer' })
    expect(listed.body.answers).toEqual([
      expect.objectContaining({ score: 9, contactId: contact.id }),
    ])
  })

  it('asks for NPS in writing when a card enters Feedback & NPS', async () => {
    const client = await createClient('feedback-nps')
    const tasks = (await api(`/clients/${client.id}/tasks`)).body.tasks
    expect(tasks.map((t: { createdBy: { id: string } }) => t.createdBy.id)).toContain(
      'auto-feedback-nps',
    )
  })
})

describe('archiving with an outcome', () => {
  it('refuses lost or churned without a reason, naming the field, and keeps the card', async () => {
    const client = await createClient('kickoff')
    for (const outcome of ['lost', 'churned']) {
      const res = await api(`/clients/${client.id}`, {
        method: 'PATCH',
        as: 'member',
        json: { version: 1, archived: true, outcome },
      })
      expect(res.status).toBe(422)
      expect(Object.keys(res.body.error.fields)).toEqual(['outcomeReasonId'])
    }
    const wrongList = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: 1, archived: true, outcome: 'lost', outcomeReasonId: 'source-event' },
    })
    expect(Object.keys(wrongList.body.error.fields)).toEqual(['outcomeReasonId'])
    expect((await api(`/clients/${client.id}`)).body).toMatchObject({ archived: false, version: 1 })
  })

  it('archives as lost with its reason in the profile and the history, and restores', async () => {
    const client = await createClient('kickoff')
    const res = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      as: 'member',
      json: {
        version: 1,
        archived: true,
        outcome: 'lost',
        outcomeReasonId: 'loss-competitor',
        outcomeNote: 'Ушли к конкуренту',
      },
    })
    expect(res.body).toMatchObject({ archived: true, version: 2 })
    const profile = (await api(`/clients/${client.id}/profile`)).body
    expect(profile).toMatchObject({ outcome: 'lost', outcomeReasonId: 'loss-competitor' })
    const [event] = (await api(`/clients/${client.id}/history`)).body.events
    expect(event).toMatchObject({ kind: 'archived', data: { outcome: 'lost' } })
    await api(`/clients/${client.id}`, { method: 'PATCH', json: { version: 2, archived: false } })
    expect((await api(`/clients/${client.id}/profile`)).body.outcome).toBeNull()
  })

  it('lets admins alone edit the lists', async () => {
    const member = await api('/record-options', {
      method: 'POST',
      as: 'member',
      json: { list: 'loss_reason', name: { ru: 'Слияние', en: 'Merger' }, position: 9 },
    })
    expect(member.status).toBe(403)
    const added = await api('/record-options', {
      method: 'POST',
      json: { list: 'loss_reason', name: { ru: 'Слияние', en: 'Merger' }, position: 9 },
    })
    expect(added.status).toBe(201)
    const archived = await api(`/record-options/${added.body.id}`, {
      method: 'PATCH',
      json: { version: 1, archived: true },
    })
    expect(archived.body).toMatchObject({ archived: true, version: 2 })
    const lists = (await api('/record-options', { as: 'viewer' })).body.options
    expect(lists.filter((o: { list: string }) => o.list === 'source').length).toBeGreaterThan(3)
  })
})
