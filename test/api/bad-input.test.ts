import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { api, createClient } from './helpers'

/** Everything stored about clients, to prove a refused request changed nothing. */
const snapshot = async () => ({
  clients: (await env.DB.prepare('SELECT * FROM clients ORDER BY id').all()).results,
  events: (await env.DB.prepare('SELECT COUNT(*) AS n FROM client_events').first())?.n,
})

const rawPost = (path: string, body: string, contentType = 'application/json') =>
  api(path, { method: 'POST', body, headers: { 'content-type': contentType } })

describe('bad input', () => {
  let client: Client
  beforeAll(async () => {
    client = await createClient('kickoff')
  })

  const cases: [string, () => ReturnType<typeof api>, number, string?][] = [
    [
      'a missing field',
      () => api('/clients', { method: 'POST', json: { name: 'A', tier: 'A', stageId: 'kickoff' } }),
      422,
      'company',
    ],
    [
      'an extra field',
      () =>
        api('/clients', {
          method: 'POST',
          json: { name: 'A', company: 'B', tier: 'A', stageId: 'kickoff', admin: true },
        }),
      422,
      '',
    ],
    [
      'a wrong type',
      () =>
        api('/clients', {
          method: 'POST',
          json: { name: 'A', company: 'B', tier: 'A', stageId: 'kickoff', score: '90' },
        }),
      422,
      'score',
    ],
    [
      'a score over 100',
      () =>
        api('/clients', {
          method: 'POST',
          json: { name: 'A', company: 'B', tier: 'A', stageId: 'kickoff', score: 101 },
        }),
      422,
      'score',
    ],
    [
      'an unknown tier',
      () =>
        api('/clients', {
          method: 'POST',
          json: { name: 'A', company: 'B', tier: 'Z', stageId: 'kickoff' },
        }),
      422,
      'tier',
    ],
    [
      'a 10,000-character name',
      () =>
        api('/clients', {
          method: 'POST',
          json: { name: 'x'.repeat(10_000), company: 'B', tier: 'A', stageId: 'kickoff' },
        }),
      422,
      'name',
    ],
    [
      'an unknown stage',
      () =>
        api('/clients', {
          method: 'POST',
          json: { name: 'A', company: 'B', tier: 'A', stageId: 'nowhere' },
        }),
      404,
    ],
    [
      'an unknown assignee',
      () =>
        api('/clients', {
          method: 'POST',
          json: {
            name: 'A',
            company: 'B',
            tier: 'A',
            stageId: 'kickoff',
            people: { account_manager: 'ghost' },
            reason: 'Ghost writer',
          },
        }),
      422,
      'people.account_manager',
    ],
    [
      'people in the old shape (slots instead of roles)',
      () =>
        api('/clients', {
          method: 'POST',
          json: {
            name: 'A',
            company: 'B',
            tier: 'A',
            stageId: 'kickoff',
            assignees: { owner: 't-member' },
          },
        }),
      422,
      'assignees',
    ],
    ['malformed JSON', () => rawPost('/clients', '{"name": "A",'), 400],
    ['an empty body', () => rawPost('/clients', ''), 400],
    ['a JSON array', () => rawPost('/clients', '[]'), 422],
    [
      'form data instead of JSON',
      () => rawPost('/clients', 'name=A', 'application/x-www-form-urlencoded'),
      415,
    ],
    [
      'a move without a version',
      () => api(`/clients/${client.id}/move`, { method: 'POST', json: { stageId: 'kickoff' } }),
      422,
      'version',
    ],
    [
      'a move before a card of another column',
      () =>
        api(`/clients/${client.id}/move`, {
          method: 'POST',
          json: { stageId: 'proposal', beforeId: client.id, version: 1 },
        }),
      422,
      'beforeId',
    ],
    [
      'both beforeId and afterId',
      () =>
        api(`/clients/${client.id}/move`, {
          method: 'POST',
          json: { stageId: 'kickoff', beforeId: 'a', afterId: 'b', version: 1 },
        }),
      422,
      'beforeId',
    ],
    [
      'an SQL-looking id',
      () =>
        api(`/clients/${encodeURIComponent("x' OR '1'='1")}/move`, {
          method: 'POST',
          json: { stageId: "kickoff'; DROP TABLE clients; --", version: 1 },
        }),
      404,
    ],
    [
      'a patch with a version of 0',
      () => api(`/clients/${client.id}`, { method: 'PATCH', json: { version: 0, name: 'B' } }),
      422,
      'version',
    ],
    [
      'an empty name',
      () => api(`/clients/${client.id}`, { method: 'PATCH', json: { version: 1, name: '   ' } }),
      422,
      'name',
    ],
    ['an unknown filter value', () => api('/clients?tier=Q'), 422, 'tier'],
    [
      'a too large body',
      () => rawPost('/clients', JSON.stringify({ name: 'x'.repeat(300_000) })),
      413,
    ],
  ]

  for (const [what, send, status, field] of cases) {
    it(`answers ${status} with a message for ${what}, and stores nothing`, async () => {
      const before = await snapshot()
      const res = await send()
      expect(res.status).toBe(status)
      expect(res.body.error.message).toEqual(expect.any(String))
      expect(res.body.error.message.length).toBeGreaterThan(5)
      if (field !== undefined) expect(Object.keys(res.body.error.fields ?? {})).toContain(field)
      expect(await snapshot()).toEqual(before)
    })
  }

  it('stores SQL-looking text verbatim as plain data', async () => {
    const name = "Robert'); DROP TABLE clients;--"
    const created = await createClient('kickoff', { name })
    expect((await api(`/clients/${created.id}`)).body.name).toBe(name)
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM clients').first())?.n).toBeGreaterThan(
      1,
    )
  })

  it('answers unknown routes with the error shape', async () => {
    const res = await api('/nothing-here')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })
})
