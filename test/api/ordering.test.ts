import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

describe('column order', () => {
  it('stays correct after 1,000 inserts at the same spot, with keys kept short', async () => {
    const stageId = 'client-report'
    const first = await createClient(stageId)
    const last = await createClient(stageId)
    // Every new card goes right before `last`: always the same gap, the worst case for keys.
    const inserted: string[] = []
    for (let i = 0; i < 1000; i += 1) {
      const card = await createClient('regular-check-in')
      const res = await api(`/clients/${card.id}/move`, {
        method: 'POST',
        json: { stageId, beforeId: last.id, version: card.version },
      })
      expect(res.status).toBe(200)
      inserted.push(card.id)
    }
    const column = (await api(`/clients?stageId=${stageId}`)).body.clients
    expect(column.map((c: { id: string }) => c.id)).toEqual([first.id, ...inserted, last.id])
    const { longest } = (await env.DB.prepare(
      'SELECT MAX(LENGTH(position)) AS longest FROM clients WHERE stage_id = ?1',
    )
      .bind(stageId)
      .first<{ longest: number }>()) ?? { longest: Infinity }
    expect(longest).toBeLessThanOrEqual(64)
  }, 120_000)
})
