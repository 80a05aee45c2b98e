import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

interface Column {
  stageId: string
  total: number
  count: number
  cards: { id: string; position: string }[]
  next: string | null
}
const column = (body: Record<string, unknown>, stageId: string) => {
  const found = (body.columns as Column[]).find((c) => c.stageId === stageId)
  if (!found) throw new Error(`no column ${stageId}`)
  return found
}

describe('the board by column', () => {
  it('answers the first cards of every column with counts, and pages a column to its end', async () => {
    for (let i = 0; i < 5; i += 1) await createClient('pilot', { name: `Пилот ${i}` })
    const res = await api('/board?limit=2')
    expect(res.status).toBe(200)
    expect(res.body.columns.length).toBeGreaterThanOrEqual(40)
    const pilot = column(res.body, 'pilot')
    expect(pilot.cards).toHaveLength(2)
    expect(pilot.count).toBe(pilot.total)
    expect(pilot.total).toBeGreaterThanOrEqual(5)
    // A board card carries what the card shows, not the record's bookkeeping.
    expect(pilot.cards[0]).not.toHaveProperty('createdAt')
    expect(pilot.cards[0]).not.toHaveProperty('archived')
    const ids = pilot.cards.map((c) => c.id)
    let next = pilot.next
    while (next !== null) {
      const page = await api(`/board/columns/pilot?limit=2&after=${encodeURIComponent(next)}`)
      expect(page.status).toBe(200)
      ids.push(...page.body.cards.map((c: { id: string }) => c.id))
      next = page.body.next
    }
    expect(ids).toHaveLength(pilot.total)
    expect(new Set(ids).size).toBe(ids.length)
    const all = (await api('/clients?stageId=pilot')).body.clients.map((c: { id: string }) => c.id)
    expect(ids).toEqual(all)
  })

  it('filters on the server: search finds a card beyond the first page of its column', async () => {
    for (let i = 0; i < 3; i += 1) await createClient('decision', { name: `Решение ${i}` })
    const last = await createClient('decision', {
      name: 'Искомая Карточка',
      company: 'ООО «Глубина»',
    })
    const plain = column((await api('/board?limit=1')).body, 'decision')
    expect(plain.cards.map((c) => c.id)).not.toContain(last.id)
    const found = await api(`/board?limit=1&q=${encodeURIComponent('искомая')}`)
    const decision = column(found.body, 'decision')
    expect(decision.cards.map((c) => c.id)).toEqual([last.id])
    expect(decision.count).toBe(1)
    expect(decision.total).toBe(plain.total)
    expect(column(found.body, 'pilot').count).toBe(0)
    const tiers = await api('/board?tier=A,B&limit=0')
    expect(tiers.status).toBe(200)
    expect(tiers.body.columns.every((c: Column) => c.cards.length === 0)).toBe(true)
    const bad = await api('/board?tier=Z')
    expect(bad.status).toBe(422)
    expect(bad.body.error.fields).toHaveProperty('tier')
  })

  it('filters by label on the server, beyond the first page of a column', async () => {
    const label = (
      await api('/labels', { method: 'POST', json: { name: 'Бюджет', color: 'teal' } })
    ).body
    for (let i = 0; i < 3; i += 1) await createClient('proposal', { name: `Предложение ${i}` })
    const marked = await createClient('proposal', { name: 'Помеченная' })
    const set = await api(`/clients/${marked.id}`, {
      method: 'PATCH',
      json: { version: marked.version, labelIds: [label.id] },
    })
    expect(set.status).toBe(200)
    const found = await api(`/board?limit=1&label=${label.id}`)
    const proposal = column(found.body, 'proposal')
    expect(proposal.cards.map((c) => c.id)).toEqual([marked.id])
    expect(proposal.count).toBe(1)
    expect(column(found.body, 'pilot').count).toBe(0)
  })

  it('answers journey and board with an ETag, and 304 while it still holds', async () => {
    for (const path of ['/journey', '/board?limit=3']) {
      const first = await api(path)
      const tag = first.headers.get('etag')
      expect(tag).toBeTruthy()
      expect(first.headers.get('cache-control')).toBe('private, no-cache')
      const again = await api(path, { headers: { 'if-none-match': tag ?? '' } })
      expect(again.status).toBe(304)
    }
    const before = (await api('/board?limit=3')).headers.get('etag')
    await createClient('inbound-lead')
    const after = await api('/board?limit=3', { headers: { 'if-none-match': before ?? '' } })
    expect(after.status).toBe(200)
  })
})
