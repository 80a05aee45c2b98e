import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

describe('a client history, a page at a time', () => {
  it('gives the newest events first and a cursor that walks back to the first, each once', async () => {
    const client = await createClient('kickoff')
    const stages = ['onboarding-plan', 'kickoff', 'onboarding-plan', 'kickoff', 'onboarding-plan']
    for (const [i, stageId] of stages.entries()) {
      const moved = await api(`/clients/${client.id}/move`, {
        method: 'POST',
        json: { stageId, version: i + 1 },
      })
      expect(moved.status).toBe(200)
    }
    const first = await api(`/clients/${client.id}/history?limit=2`)
    expect(first.status).toBe(200)
    expect(first.body.events.map((e: { version: number }) => e.version)).toEqual([6, 5])
    const seen = [...first.body.events]
    let next: number | null = first.body.next
    while (next !== null) {
      const page = await api(`/clients/${client.id}/history?limit=2&before=${next}`)
      seen.push(...page.body.events)
      next = page.body.next
    }
    expect(seen.map((e: { version: number }) => e.version)).toEqual([6, 5, 4, 3, 2, 1])
    expect(seen.at(-1).kind).toBe('created')
  })

  it('refuses a page size out of range, naming the field', async () => {
    const client = await createClient('kickoff')
    const res = await api(`/clients/${client.id}/history?limit=5000`)
    expect(res.status).toBe(422)
    expect(res.body.error.fields).toHaveProperty('limit')
  })
})
