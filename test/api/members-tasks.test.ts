import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

const newMember = (email: string, extra: Record<string, unknown> = {}) =>
  api('/members', {
    method: 'POST',
    json: { name: 'Анна Смирнова', email, grade: 'lead', ...extra },
  })

describe('members', () => {
  it('creates, lists and edits a member with roles and a manager', async () => {
    const lead = await newMember('anna.lead@demo.test', { roleIds: ['team_lead'] })
    expect(lead.status).toBe(201)
    const am = await newMember('ivan.am@demo.test', {
      grade: 'junior',
      roleIds: ['account_manager', 'support', 'support'],
      managerId: lead.body.id,
    })
    expect(am.body).toMatchObject({
      grade: 'junior',
      roleIds: ['account_manager', 'support'],
      managerId: lead.body.id,
      active: true,
    })
    const listed = (await api('/members')).body.members.map((m: { id: string }) => m.id)
    expect(listed).toEqual(expect.arrayContaining([lead.body.id, am.body.id]))

    const edited = await api(`/members/${am.body.id}`, {
      method: 'PATCH',
      json: { version: 1, grade: 'middle', roleIds: ['account_manager'], capacityOverride: 10 },
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({
      grade: 'middle',
      roleIds: ['account_manager'],
      capacityOverride: 10,
      version: 2,
    })
    const stale = await api(`/members/${am.body.id}`, {
      method: 'PATCH',
      json: { version: 1, roleIds: [] },
    })
    expect(stale.status).toBe(409)
    expect((await api(`/members/${am.body.id}`)).body.roleIds).toEqual(['account_manager'])
  })

  it('refuses a management cycle, an unknown role and a taken e-mail', async () => {
    const top = await newMember('top@demo.test')
    const mid = await newMember('mid@demo.test', { managerId: top.body.id })
    const cycle = await api(`/members/${top.body.id}`, {
      method: 'PATCH',
      json: { version: 1, managerId: mid.body.id },
    })
    expect(cycle.status).toBe(422)
    expect(cycle.body.error.fields.managerId).toBeDefined()
    const role = await newMember('role@demo.test', { roleIds: ['wizard'] })
    expect(role.status).toBe(422)
    const taken = await newMember('TOP@demo.test')
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('email_taken')
    const badEmail = await newMember('not-an-email')
    expect(badEmail.status).toBe(422)
    expect(badEmail.body.error.fields.email).toBeDefined()
  })
})

describe('tasks', () => {
  it('adds, lists and ticks checklist items with versions', async () => {
    const client = await createClient('product-training')
    const created = await api(`/clients/${client.id}/tasks`, {
      method: 'POST',
      json: {
        title: 'Провести обучение',
        assigneeRoleId: 'account_manager',
        dueDate: '2026-12-01',
      },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      done: false,
      createdBy: { kind: 'person' },
      dueDate: '2026-12-01',
    })
    const done = await api(`/tasks/${created.body.id}`, {
      method: 'PATCH',
      json: { version: 1, done: true },
    })
    expect(done.body).toMatchObject({ done: true, version: 2 })
    expect(done.body.doneAt).toEqual(expect.any(String))
    const stale = await api(`/tasks/${created.body.id}`, {
      method: 'PATCH',
      json: { version: 1, done: false },
    })
    expect(stale.status).toBe(409)
    const list = await api(`/clients/${client.id}/tasks`)
    expect(list.body.tasks).toHaveLength(1)
    expect(list.body.tasks[0].done).toBe(true)
  })

  it('refuses a bad due date, an unknown client and an unknown role', async () => {
    const client = await createClient('kickoff')
    const date = await api(`/clients/${client.id}/tasks`, {
      method: 'POST',
      json: { title: 'x', dueDate: '31.12.2026' },
    })
    expect(date.status).toBe(422)
    expect(date.body.error.fields.dueDate).toBeDefined()
    expect(
      (await api('/clients/ghost/tasks', { method: 'POST', json: { title: 'x' } })).status,
    ).toBe(404)
    const role = await api(`/clients/${client.id}/tasks`, {
      method: 'POST',
      json: { title: 'x', assigneeRoleId: 'pilot' },
    })
    expect(role.status).toBe(422)
  })
})

describe('the OpenAPI document', () => {
  it('is generated from the route schemas', async () => {
    const res = await api('/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/clients',
        '/api/clients/{id}/move',
        '/api/journey',
        '/api/members',
        '/api/tasks/{id}',
      ]),
    )
    expect(res.body.components.schemas.ClientMove.required).toEqual(
      expect.arrayContaining(['stageId', 'version']),
    )
  })
})
