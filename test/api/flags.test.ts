import { beforeAll, describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

let fin: string

beforeAll(async () => {
  const res = await api('/members', {
    method: 'POST',
    json: {
      name: 'Фаина Финансы',
      email: 'flags.fin@board.test',
      grade: 'middle',
      roleIds: ['finance'],
    },
  })
  fin = res.body.id
})

describe('flags on a card', () => {
  it('raises a flag at any stage with the default owner and SLA; the card and history show it', async () => {
    const client = await createClient('kickoff', { people: { finance: fin }, reason: 'Test setup' })
    const raised = await api(`/clients/${client.id}/flags`, {
      method: 'POST',
      as: 'member',
      json: { kind: 'receivables', note: 'Счёт за ноябрь не оплачен' },
    })
    expect(raised.status).toBe(201)
    expect(raised.body).toMatchObject({
      kind: 'receivables',
      ownerId: fin,
      slaDays: 5,
      overdueLevel: 0,
      resolvedAt: null,
      version: 1,
    })
    expect(Date.parse(raised.body.dueAt)).toBeGreaterThan(Date.parse(raised.body.raisedAt))
    const card = (await api(`/clients/${client.id}`)).body
    // A flag is its own record: the card's version stays, so nobody's move turns into a conflict.
    expect(card).toMatchObject({
      version: client.version,
      flags: [{ kind: 'receivables', overdueLevel: 0 }],
    })
    const { events } = (await api(`/clients/${client.id}/history`)).body
    expect(events[0]).toMatchObject({ kind: 'flag_raised', actorId: 'u-member' })
  })

  it('refuses a second open flag of a kind, naming the field', async () => {
    const client = await createClient('first-call')
    await api(`/clients/${client.id}/flags`, { method: 'POST', json: { kind: 'incident' } })
    const twice = await api(`/clients/${client.id}/flags`, {
      method: 'POST',
      json: { kind: 'incident' },
    })
    expect(twice.status).toBe(409)
    expect(twice.body.error).toMatchObject({
      code: 'flag_open',
      fields: { kind: expect.any(Array) },
    })
    const other = await api(`/clients/${client.id}/flags`, {
      method: 'POST',
      json: { kind: 'churn_risk', slaDays: 1 },
    })
    expect(other.status).toBe(201)
    expect((await api(`/clients/${client.id}/flags`)).body.flags).toHaveLength(2)
  })

  it('edits and resolves with versions: a stale edit is refused, a resolved flag leaves the card', async () => {
    const client = await createClient('regular-check-in')
    const flag = (
      await api(`/clients/${client.id}/flags`, { method: 'POST', json: { kind: 'incident' } })
    ).body
    const owned = await api(`/flags/${flag.id}`, {
      method: 'PATCH',
      json: { version: 1, ownerId: fin, note: 'Падает интеграция' },
    })
    expect(owned.body).toMatchObject({ version: 2, ownerId: fin, note: 'Падает интеграция' })
    const stale = await api(`/flags/${flag.id}`, {
      method: 'PATCH',
      json: { version: 1, resolution: 'x' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    const done = await api(`/flags/${flag.id}`, {
      method: 'PATCH',
      as: 'member',
      json: { version: 2, resolution: 'Исправили коннектор, клиент подтвердил' },
    })
    expect(done.body).toMatchObject({
      version: 3,
      resolvedBy: 'u-member',
      resolution: expect.any(String),
    })
    expect((await api(`/clients/${client.id}`)).body.flags).toEqual([])
    const again = await api(`/flags/${flag.id}`, {
      method: 'PATCH',
      json: { version: 3, note: 'x' },
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('resolved')
    const kinds = (await api(`/clients/${client.id}/history`)).body.events.map(
      (e: { kind: string }) => e.kind,
    )
    expect(kinds.slice(0, 3)).toEqual(['flag_resolved', 'flag_updated', 'flag_raised'])
    // Once resolved, the kind can be raised again.
    expect(
      (await api(`/clients/${client.id}/flags`, { method: 'POST', json: { kind: 'incident' } }))
        .status,
    ).toBe(201)
  })

  it('names the field of bad input and keeps viewers to reading', async () => {
    const client = await createClient('regular-check-in')
    const bad = await api(`/clients/${client.id}/flags`, {
      method: 'POST',
      json: { kind: 'fire', slaDays: 0 },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['kind', 'slaDays'])
    const owner = await api(`/clients/${client.id}/flags`, {
      method: 'POST',
      json: { kind: 'incident', ownerId: 'nobody' },
    })
    expect(owner.status).toBe(422)
    expect(owner.body.error.fields).toHaveProperty('ownerId')
    expect((await api(`/clients/${client.id}/flags`, { as: 'viewer' })).status).toBe(200)
    const viewer = await api(`/clients/${client.id}/flags`, {
      method: 'POST',
      as: 'viewer',
      json: { kind: 'incident' },
    })
    expect(viewer.status).toBe(403)
    expect((await api('/clients/nope/flags')).status).toBe(404)
  })
})
