import { describe, expect, it } from 'vitest'
import { createApp } from '../../worker/app'
import { ROUTE_ACCESS } from '../../worker/route-access'
import { api, createClient, fetchWorker } from './helpers'

const PUBLIC = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login']

/** The router's own list of endpoints (middleware and the page fallback left out). */
const endpoints = createApp()
  .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
  .map((r) => `${r.method} ${r.path}`)

describe('the route walk', () => {
  it('finds the endpoints', () => {
    expect(endpoints.length).toBeGreaterThan(25)
  })

  it('has an access rule for every route, and no rule for a route that is gone', () => {
    expect(endpoints.filter((e) => ROUTE_ACCESS[e] === undefined)).toEqual([])
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !endpoints.includes(k))).toEqual([])
  })

  it.each(endpoints.filter((e) => !PUBLIC.includes(e)))(
    'answers 401 to %s without credentials',
    async (endpoint) => {
      const [method, path] = endpoint.split(' ') as [string, string]
      const res = await fetchWorker(path.replaceAll(/:\w+/g, 'some-id'), {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      })
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')
    },
  )

  it('leaves health, login and the OpenAPI document open', async () => {
    expect((await api('/health', { as: 'anonymous' })).status).toBe(200)
    expect((await api('/openapi.json', { as: 'anonymous' })).status).toBe(200)
  })
})

describe('access roles', () => {
  it('lets a viewer read but not write', async () => {
    expect((await api('/clients', { as: 'viewer' })).status).toBe(200)
    const res = await api('/clients', {
      as: 'viewer',
      method: 'POST',
      json: { name: 'A', company: 'B', tier: 'C', stageId: 'kickoff' },
    })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
  })

  it('lets a member move and edit a card but not assign people', async () => {
    const client = await createClient('kickoff')
    const moved = await api(`/clients/${client.id}/move`, {
      as: 'member',
      method: 'POST',
      json: { stageId: 'onboarding-plan', version: 1 },
    })
    expect(moved.status).toBe(200)
    const assign = await api(`/clients/${client.id}`, {
      as: 'member',
      method: 'PATCH',
      json: { version: 2, people: { account_manager: 't-member' }, reason: 'Knows them' },
    })
    expect(assign.status).toBe(403)
    const report = await api('/members', {
      method: 'POST',
      json: {
        name: 'Отчёт Лиду',
        email: 'report.access@board.test',
        grade: 'middle',
        managerId: 't-lead',
        roleIds: ['account_manager'],
      },
    })
    const leadAssigns = await api(`/clients/${client.id}`, {
      as: 'lead',
      method: 'PATCH',
      json: { version: 2, people: { account_manager: report.body.id }, reason: 'Knows them' },
    })
    expect(leadAssigns.status).toBe(200)
    const history = await api(`/clients/${client.id}/history`)
    expect(history.body.events[0]).toMatchObject({
      kind: 'assigned',
      actorId: 'u-lead',
      actorName: 'Lead',
    })
    expect(history.body.events[1]).toMatchObject({
      kind: 'moved',
      actorId: 'u-member',
      actorName: 'Member',
    })
  })

  it('keeps the journey template for admins', async () => {
    const stage = (await api('/journey')).body.phases[0].stages[0]
    const res = await api(`/stages/${stage.id}`, {
      as: 'lead',
      method: 'PATCH',
      json: { version: stage.version, slaDays: 4 },
    })
    expect(res.status).toBe(403)
  })

  it('lets a lead edit their own team only', async () => {
    const mine = await api('/members', {
      as: 'lead',
      method: 'POST',
      json: {
        name: 'Новичок',
        email: 'new.report@board.test',
        grade: 'intern',
        managerId: 't-lead',
      },
    })
    expect(mine.status).toBe(201)
    const edit = await api(`/members/${mine.body.id}`, {
      as: 'lead',
      method: 'PATCH',
      json: { version: 1, grade: 'junior' },
    })
    expect(edit.status).toBe(200)
    const outsider = await api(`/members/t-member`, {
      as: 'lead',
      method: 'PATCH',
      json: { version: 1, grade: 'senior' },
    })
    expect(outsider.status).toBe(403)
    const self = await api(`/members/t-lead`, {
      as: 'lead',
      method: 'PATCH',
      json: { version: 1, capacityOverride: 100 },
    })
    expect(self.status).toBe(403)
    expect((await api('/members', { as: 'member', method: 'POST', json: {} })).status).toBe(403)
  })

  it('keeps accounts, sessions and tokens for admins', async () => {
    for (const path of ['/users', '/sessions', '/tokens']) {
      expect((await api(path, { as: 'lead' })).status).toBe(403)
      expect((await api(path, { as: 'admin' })).status).toBe(200)
    }
  })
})
