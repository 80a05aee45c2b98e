import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

describe('clients', () => {
  it('creates, moves and records the history, newest first', async () => {
    const client = await createClient('inbound-lead', {
      name: 'Ирина Соколова',
      tier: 'A',
      score: 81,
    })
    expect(client).toMatchObject({ stageId: 'inbound-lead', tier: 'A', score: 81, version: 1 })
    expect(new Date(client.enteredStageAt).toISOString()).toBe(client.enteredStageAt)

    const moved = await api(`/clients/${client.id}/move`, {
      method: 'POST',
      json: { stageId: 'qualification', version: 1 },
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ stageId: 'qualification', version: 2 })
    expect(moved.body.position).toEqual(expect.any(String))
    expect(Date.parse(moved.body.enteredStageAt)).toBeGreaterThanOrEqual(
      Date.parse(client.enteredStageAt),
    )

    const history = await api(`/clients/${client.id}/history`)
    expect(history.status).toBe(200)
    expect(history.body.events.map((e: { kind: string }) => e.kind)).toEqual(['moved', 'created'])
    expect(history.body.events[0]).toMatchObject({
      fromStageId: 'inbound-lead',
      toStageId: 'qualification',
      version: 2,
    })
  })

  it('places a card before or after another one', async () => {
    const a = await createClient('first-call')
    const b = await createClient('first-call')
    const c = await createClient('inbound-lead')
    const before = await api(`/clients/${c.id}/move`, {
      method: 'POST',
      json: { stageId: 'first-call', beforeId: b.id, version: c.version },
    })
    expect(before.status).toBe(200)
    const order = async () =>
      (await api('/clients?stageId=first-call')).body.clients.map((x: { id: string }) => x.id)
    expect(await order()).toEqual([a.id, c.id, b.id])
    const after = await api(`/clients/${a.id}/move`, {
      method: 'POST',
      json: { stageId: 'first-call', afterId: b.id, version: a.version },
    })
    expect(after.status).toBe(200)
    expect(after.body.version).toBe(2)
    expect(await order()).toEqual([c.id, b.id, a.id])
    const history = await api(`/clients/${a.id}/history`)
    expect(history.body.events[0].kind).toBe('reordered')
  })

  it('creates a card on top of its column when asked, and last otherwise', async () => {
    const order = async () =>
      (await api('/clients?stageId=proposal')).body.clients.map((x: { id: string }) => x.id)
    const a = await createClient('proposal')
    const b = await createClient('proposal', { atTop: true })
    const c = await createClient('proposal', { atTop: false })
    const d = await createClient('proposal', { atTop: true, tier: 'A' })
    expect(await order()).toEqual([d.id, b.id, a.id, c.id])
    const byMember = await api('/clients', {
      method: 'POST',
      as: 'member',
      json: { name: 'Сверху', company: 'ООО «Верх»', tier: 'C', stageId: 'proposal', atTop: true },
    })
    expect(byMember.status).toBe(201)
    expect((await order())[0]).toBe(byMember.body.id)
    const wrong = await api('/clients', {
      method: 'POST',
      json: { name: 'X', company: 'Y', tier: 'B', stageId: 'proposal', atTop: 'yes' },
    })
    expect(wrong.status).toBe(422)
    expect(Object.keys(wrong.body.error.fields)).toEqual(['atTop'])
  })

  it('filters by stage, tier, member and text (Cyrillic, any case)', async () => {
    const member = await api('/members', {
      method: 'POST',
      json: {
        name: 'Пётр Иванов',
        email: 'petr.filter@demo.test',
        grade: 'middle',
        roleIds: ['account_manager'],
      },
    })
    const mine = await createClient('kickoff', {
      company: 'АО «Фильтрострой»',
      tier: 'C',
      people: { account_manager: member.body.id },
      reason: 'Test setup',
    })
    await createClient('kickoff', { company: 'ООО «Другое»', tier: 'A' })
    const byMember = await api(`/clients?memberId=${member.body.id}`)
    expect(byMember.body.clients.map((c: { id: string }) => c.id)).toEqual([mine.id])
    const byText = await api(`/clients?q=${encodeURIComponent('фильтрострой')}`)
    expect(byText.body.clients.map((c: { id: string }) => c.id)).toEqual([mine.id])
    const byTier = await api('/clients?stageId=kickoff&tier=A')
    expect(byTier.body.clients).toHaveLength(1)
    const literal = await api(`/clients?q=${encodeURIComponent('%')}`)
    expect(literal.body.clients).toHaveLength(0)
  })

  it('searches by any substring up to the 200 characters allowed, with % and _ taken literally', async () => {
    const long = 'Научно-производственное объединение по внедрению систем '.repeat(4)
    const company = `НПО «Медиасофт» ${long}`.slice(0, 200).trim()
    const media = await createClient('kickoff', { name: 'Ольга_50%', company })
    await createClient('kickoff', { name: 'Ольга-50 процентов', company: 'ООО «Медиа»' })
    const ids = async (q: string) => {
      const res = await api(`/clients?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(200)
      return res.body.clients.map((c: { id: string }) => c.id)
    }
    // 200 characters across the name and the company, in another case: ~370 bytes of UTF-8.
    const query = `ольга_50% ${company}`.slice(0, 200).toUpperCase()
    expect(query).toHaveLength(200)
    expect(await ids(query)).toEqual([media.id])
    expect(await ids('x'.repeat(200))).toEqual([])
    expect(await ids('%'.repeat(200))).toEqual([])
    expect(await ids('_'.repeat(49))).toEqual([])
    expect(await ids('ольга_50%')).toEqual([media.id])
    expect(await ids('медиа')).toHaveLength(2)
  })

  it('edits with the version, records what changed, and returns 409 with the current client when stale', async () => {
    const client = await createClient('proposal')
    const ok = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: 1, score: 55, tier: 'A' },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ score: 55, tier: 'A', version: 2 })
    const stale = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: 1, score: 10 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.current).toMatchObject({ score: 55, version: 2 })
    const events = (await api(`/clients/${client.id}/history`)).body.events
    expect(events[0]).toMatchObject({
      kind: 'edited',
      version: 2,
      data: { score: { from: null, to: 55 } },
    })
  })

  it('records each assignment and archiving in the history', async () => {
    const m = await api('/members', {
      method: 'POST',
      json: {
        name: 'Ольга Ким',
        email: 'olga.assign@demo.test',
        grade: 'senior',
        roleIds: ['account_manager'],
      },
    })
    const client = await createClient('kickoff')
    const res = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: 1, people: { account_manager: m.body.id }, reason: 'Knows them' },
    })
    expect(res.body.people).toEqual({ account_manager: m.body.id })
    // Kickoff: the account manager owns and talks to the client; nobody from product yet.
    expect(res.body.acting).toEqual({ owner: m.body.id, communicator: m.body.id, support: null })
    const archived = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: 2, archived: true },
    })
    expect(archived.body.archived).toBe(true)
    const kinds = (await api(`/clients/${client.id}/history`)).body.events.map(
      (e: { kind: string }) => e.kind,
    )
    expect(kinds).toEqual(['archived', 'assigned', 'created'])
    const listed = (await api('/clients?stageId=kickoff')).body.clients.map(
      (c: { id: string }) => c.id,
    )
    expect(listed).not.toContain(client.id)
  })
})
