import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

const move = (id: string, json: Record<string, unknown>) =>
  api(`/clients/${id}/move`, { method: 'POST', json })

describe('the answer to a move', () => {
  it('is the card as stored, for a move to another stage and a reorder in the column', async () => {
    const client = await createClient('needs-discovery')
    const moved = await move(client.id, { stageId: 'platform-demo', version: 1 })
    expect(moved.status).toBe(200)
    expect(moved.body).toEqual((await api(`/clients/${client.id}`)).body)
    const neighbour = await createClient('platform-demo')
    const reordered = await move(client.id, {
      stageId: 'platform-demo',
      version: 2,
      afterId: neighbour.id,
    })
    expect(reordered.status).toBe(200)
    expect(reordered.body).toEqual((await api(`/clients/${client.id}`)).body)
  })

  it('counts the task an automation of the new stage adds', async () => {
    const client = await createClient('contract-draft')
    const moved = await move(client.id, { stageId: 'contract-signed', version: 1 })
    expect(moved.status).toBe(200)
    expect(moved.body.tasks).toMatchObject({ open: 1, done: 0 })
    expect(moved.body).toEqual((await api(`/clients/${client.id}`)).body)
  })
})
