import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

describe('the care cycle', () => {
  it('takes a card at Renewal signed back to Regular check-in, with a history event', async () => {
    const client = await createClient('renewal-signed')
    const back = await api(`/clients/${client.id}/next-cycle`, {
      method: 'POST',
      as: 'member',
      json: { version: client.version },
    })
    expect(back.status).toBe(200)
    expect(back.body).toMatchObject({ stageId: 'regular-check-in', version: client.version + 1 })
    expect(Date.parse(back.body.dueAt)).toBeGreaterThan(Date.parse(back.body.enteredStageAt))
    const [event] = (await api(`/clients/${client.id}/history`)).body.events
    expect(event).toMatchObject({
      kind: 'moved',
      fromStageId: 'renewal-signed',
      toStageId: 'regular-check-in',
      data: { reason: 'care_cycle' },
    })
  })

  it('refuses a card elsewhere, a stale version and a viewer', async () => {
    const elsewhere = await createClient('renewal-negotiation')
    const refused = await api(`/clients/${elsewhere.id}/next-cycle`, {
      method: 'POST',
      json: { version: elsewhere.version },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('not_at_stage')
    const signed = await createClient('renewal-signed')
    const stale = await api(`/clients/${signed.id}/next-cycle`, {
      method: 'POST',
      json: { version: signed.version + 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    const viewer = await api(`/clients/${signed.id}/next-cycle`, {
      method: 'POST',
      as: 'viewer',
      json: { version: signed.version },
    })
    expect(viewer.status).toBe(403)
    expect((await api(`/clients/${signed.id}`)).body.stageId).toBe('renewal-signed')
  })
})
