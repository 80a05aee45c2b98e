import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

describe('moves under contention', () => {
  it('lets exactly one of two moves with the same version through, and records one move', async () => {
    const client = await createClient('needs-discovery')
    const [a, b] = await Promise.all([
      api(`/clients/${client.id}/move`, {
        method: 'POST',
        json: { stageId: 'platform-demo', version: 1 },
      }),
      api(`/clients/${client.id}/move`, {
        method: 'POST',
        json: { stageId: 'proposal', version: 1 },
      }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    const winner = a.status === 200 ? a : b
    expect(loser.body.error.code).toBe('version_conflict')
    expect(loser.body.current).toMatchObject({ version: 2, stageId: winner.body.stageId })
    const events = (await api(`/clients/${client.id}/history`)).body.events
    expect(events.filter((e: { kind: string }) => e.kind === 'moved')).toHaveLength(1)
  })

  it('refuses a move into a full column unless forced, and writes nothing', async () => {
    const stage = (await api('/journey')).body.phases[3].stages[1]
    await api(`/stages/${stage.id}`, {
      method: 'PATCH',
      json: { version: stage.version, wipLimit: 1 },
    })
    await createClient(stage.id)
    const mover = await createClient('account-manager-assigned')
    const full = await api(`/clients/${mover.id}/move`, {
      method: 'POST',
      json: { stageId: stage.id, version: 1 },
    })
    expect(full.status).toBe(409)
    expect(full.body.error.code).toBe('wip_limit')
    const row = await env.DB.prepare('SELECT stage_id, version FROM clients WHERE id = ?1')
      .bind(mover.id)
      .first()
    expect(row).toEqual({ stage_id: 'account-manager-assigned', version: 1 })
    const forced = await api(`/clients/${mover.id}/move`, {
      method: 'POST',
      json: { stageId: stage.id, version: 1, force: true },
    })
    expect(forced.status).toBe(200)
    expect(forced.body.stageId).toBe(stage.id)
  })

  it('answers 404 for an unknown stage or client', async () => {
    const client = await createClient('kickoff')
    const stage = await api(`/clients/${client.id}/move`, {
      method: 'POST',
      json: { stageId: 'moon', version: 1 },
    })
    expect(stage.status).toBe(404)
    expect(stage.body.error.message).toContain('moon')
    const missing = await api('/clients/nope/move', {
      method: 'POST',
      json: { stageId: 'kickoff', version: 1 },
    })
    expect(missing.status).toBe(404)
  })
})
