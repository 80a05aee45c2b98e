import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from './helpers'

describe('the journey template', () => {
  it('has 7 phases and 40 stages in order, each stage with three known roles', async () => {
    const res = await api('/journey')
    expect(res.status).toBe(200)
    const { roles, phases } = res.body
    expect(roles).toHaveLength(8)
    expect(phases).toHaveLength(7)
    const roleIds = new Set(roles.map((r: { id: string }) => r.id))
    const stages = phases.flatMap((p: { stages: unknown[] }) => p.stages)
    expect(stages).toHaveLength(40)
    expect(phases.map((p: { stages: unknown[] }) => p.stages.length)).toEqual([5, 6, 5, 7, 6, 6, 5])
    for (const s of stages) {
      expect(roleIds.has(s.roles.owner) && roleIds.has(s.roles.communicator)).toBe(true)
      expect(roleIds.has(s.roles.support)).toBe(true)
      expect(s.name.ru.length > 0 && s.name.en.length > 0).toBe(true)
      expect(s.slaDays).toBeGreaterThan(0)
    }
    const positions = phases.map((p: { position: number }) => p.position)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    const demo = stages.find((s: { id: string }) => s.id === 'platform-demo')
    expect(demo.roles).toEqual({ owner: 'bizdev', communicator: 'sales', support: 'product' })
    const signed = stages.find((s: { id: string }) => s.id === 'contract-signed')
    expect(signed.automationCount).toBe(1)
    expect(demo.automationCount).toBe(0)
  })

  it('names every stage in Russian for the Russian interface', async () => {
    const { phases } = (await api('/journey')).body
    const stages = phases.flatMap((p: { stages: unknown[] }) => p.stages) as {
      id: string
      name: { ru: string }
    }[]
    expect(stages.filter((s) => !/[а-яё]/i.test(s.name.ru)).map((s) => s.id)).toEqual([])
    expect(stages.find((s) => s.id === 'client-review')?.name.ru).toBe(
      'Встреча руководителя с клиентом',
    )
  })

  it('edits a stage with its version and refuses a stale one', async () => {
    const before = (await api('/journey')).body.phases[0].stages[1]
    const ok = await api(`/stages/${before.id}`, {
      method: 'PATCH',
      json: {
        version: before.version,
        slaDays: 5,
        wipLimit: 12,
        overduePolicy: 'return',
        roles: { support: 'marketing' },
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      slaDays: 5,
      wipLimit: 12,
      overduePolicy: 'return',
      version: before.version + 1,
    })
    expect(ok.body.roles.support).toBe('marketing')
    const stale = await api(`/stages/${before.id}`, {
      method: 'PATCH',
      json: { version: before.version, slaDays: 9 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.current.slaDays).toBe(5)
  })

  it('adds a stage at a position and renumbers the phase, then archives it', async () => {
    const created = await api('/stages', {
      method: 'POST',
      json: {
        phaseId: 'acquisition',
        name: { ru: 'Вебинар', en: 'Webinar' },
        position: 2,
        roles: { owner: 'marketing', communicator: 'sales', support: 'product' },
      },
    })
    expect(created.status).toBe(201)
    let phase = (await api('/journey')).body.phases[0]
    expect(phase.stages[1].id).toBe(created.body.id)
    expect(phase.stages.map((s: { position: number }) => s.position)).toEqual([1, 2, 3, 4, 5, 6])

    const moved = await api(`/stages/${created.body.id}`, {
      method: 'PATCH',
      json: { version: created.body.version, position: 6 },
    })
    expect(moved.status).toBe(200)
    phase = (await api('/journey')).body.phases[0]
    expect(phase.stages.at(-1).id).toBe(created.body.id)

    const archived = await api(`/stages/${created.body.id}`, {
      method: 'PATCH',
      json: { version: moved.body.version, archived: true },
    })
    expect(archived.status).toBe(200)
    phase = (await api('/journey')).body.phases[0]
    expect(phase.stages).toHaveLength(5)
  })

  it('refuses to archive a stage that still holds clients', async () => {
    const stage = (await api('/journey')).body.phases[1].stages[0]
    await api('/clients', {
      method: 'POST',
      json: { name: 'X', company: 'Y', tier: 'C', stageId: stage.id },
    })
    const res = await api(`/stages/${stage.id}`, {
      method: 'PATCH',
      json: { version: stage.version, archived: true },
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('stage_not_empty')
  })

  it('names the unknown role of a stage edit', async () => {
    const stage = (await api('/journey')).body.phases[2].stages[0]
    const res = await api(`/stages/${stage.id}`, {
      method: 'PATCH',
      json: { version: stage.version, roles: { owner: 'astronaut' } },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.fields['roles.owner']).toBeDefined()
    const row = await env.DB.prepare('SELECT owner_role_id FROM stages WHERE id = ?1')
      .bind(stage.id)
      .first()
    expect(row?.owner_role_id).toBe(stage.roles.owner)
  })

  it('renames and reorders a phase', async () => {
    const phase = (await api('/journey')).body.phases[6]
    const res = await api(`/phases/${phase.id}`, {
      method: 'PATCH',
      json: { version: phase.version, name: { ru: 'Удержание', en: 'Retention' }, position: 1 },
    })
    expect(res.status).toBe(200)
    const phases = (await api('/journey')).body.phases
    expect(phases[0]).toMatchObject({ id: phase.id, name: { en: 'Retention' }, position: 1 })
    expect(phases.map((p: { position: number }) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})
