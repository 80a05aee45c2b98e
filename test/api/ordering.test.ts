import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { api, createClient } from './helpers'

describe('column order', () => {
  it('stays correct after 1,000 inserts at the same spot, with keys kept short', async () => {
    const stageId = 'client-report'
    const first = await createClient(stageId)
    const last = await createClient(stageId)
    // 1,000 cards wait in another column (written straight to D1: they are only the setup);
    // each then moves through the API right before `last`, always into the same gap, the worst
    // case for keys.
    const now = Date.now()
    const waiting = Array.from({ length: 1000 }, (_, i) => `order-${String(i).padStart(4, '0')}`)
    await env.DB.batch(
      waiting.map((id, i) =>
        env.DB.prepare(
          `INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
             created_at, updated_at) VALUES (?1, ?1, 'ООО «Порядок»', 'C', 'regular-check-in', ?2, ?3, ?3, ?3)`,
        ).bind(id, `b${String(i).padStart(4, '0')}`, now),
      ),
    )
    const inserted: string[] = []
    for (const id of waiting) {
      const res = await api(`/clients/${id}/move`, {
        method: 'POST',
        json: { stageId, beforeId: last.id, version: 1 },
      })
      expect(res.status).toBe(200)
      inserted.push(id)
    }
    const column = (await api(`/clients?stageId=${stageId}`)).body.clients
    expect(column.map((c: { id: string }) => c.id)).toEqual([first.id, ...inserted, last.id])
    const { longest } = (await env.DB.prepare(
      'SELECT MAX(LENGTH(position)) AS longest FROM clients WHERE stage_id = ?1',
    )
      .bind(stageId)
      .first<{ longest: number }>()) ?? { longest: Infinity }
    expect(longest).toBeLessThanOrEqual(64)
  }, 300_000)

  it('re-keys the column when a card lands between two cards with equal keys', async () => {
    const stageId = 'requests'
    const [a, b, c] = [
      await createClient(stageId),
      await createClient(stageId),
      await createClient(stageId),
    ]
    const mover = await createClient('kickoff')
    // Two equal keys are what an old race could leave behind; keys alone cannot go between them.
    await env.DB.prepare('UPDATE clients SET position = ?1 WHERE id IN (?2, ?3)')
      .bind(a.position, a.id, b.id)
      .run()
    const [tiedFirst, tiedSecond] = [a.id, b.id].sort()
    const res = await api(`/clients/${mover.id}/move`, {
      method: 'POST',
      json: { stageId, afterId: tiedFirst, version: mover.version },
    })
    expect(res.status).toBe(200)
    const column = (await api(`/clients?stageId=${stageId}`)).body.clients as Client[]
    expect(column.map((x) => x.id)).toEqual([tiedFirst, mover.id, tiedSecond, c.id])
    const keys = column.map((x) => x.position)
    expect(keys.every((k, i) => i === 0 || keys[i - 1]! < k)).toBe(true)
  })
})
