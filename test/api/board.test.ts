import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { BoardCard } from '../../schema/board'
import { clientOfBoardCard } from '../../shared/board-card'
import { api, createClient } from './helpers'

interface Column {
  stageId: string
  total: number
  count: number
  cards: BoardCard[]
  next: string | null
}
const column = (body: Record<string, unknown>, stageId: string) => {
  const found = (body.columns as Column[]).find((c) => c.stageId === stageId)
  if (!found) throw new Error(`no column ${stageId}`)
  return found
}
const idsOf = (cards: BoardCard[]) => cards.map((c) => c[0])

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
    const ids = idsOf(pilot.cards)
    let next = pilot.next
    while (next !== null) {
      const page = await api(`/board/columns/pilot?limit=2&after=${encodeURIComponent(next)}`)
      expect(page.status).toBe(200)
      ids.push(...idsOf(page.body.cards))
      next = page.body.next
    }
    expect(ids).toHaveLength(pilot.total)
    expect(new Set(ids).size).toBe(ids.length)
    const all = (await api('/clients?stageId=pilot')).body.clients.map((c: { id: string }) => c.id)
    expect(ids).toEqual(all)
  })

  it('sends a card as an array naming its acting members by index, and it reads back as the client', async () => {
    await env.DB.prepare(
      `INSERT INTO member_roles (member_id, role_id)
       VALUES ('t-member', 'account_manager'), ('t-lead', 'product') ON CONFLICT DO NOTHING`,
    ).run()
    const client = await createClient('kickoff', {
      name: 'Карточка Целиком',
      score: 73,
      people: { account_manager: 't-member', product: 't-lead' },
      reason: 'Knows them',
    })
    const { cardFields, members, columns } = (
      await api('/board?q=' + encodeURIComponent('целиком'))
    ).body
    expect(new Set(members).size).toBe(members.length)
    const card = column({ columns }, 'kickoff').cards[0] as BoardCard
    expect(card).toHaveLength(12)
    expect(card[0]).toBe(client.id)
    // The answer names the places, so a client can read a card without our schema.
    const named = Object.fromEntries(
      (cardFields as string[]).map((field, i) => [field, card[i]]),
    ) as Record<string, unknown>
    expect(named).toMatchObject({ id: client.id, name: 'Карточка Целиком', score: 73 })
    expect(named.version).toBe(client.version)
    // Times as ms since 1970, members as indexes: no ISO string, no member id on the card.
    expect(typeof card[6]).toBe('number')
    expect(JSON.stringify(card)).not.toMatch(/t-member|t-lead|T\d\d:/)
    // At the kickoff the account manager owns and talks, the product person supports.
    const [owner, communicator, support] = card[10]
    expect(owner).toBe(communicator)
    expect(members[owner ?? -1]).toBe('t-member')
    expect(members[support ?? -1]).toBe('t-lead')
    const full = (await api(`/clients/${client.id}`)).body
    const read = clientOfBoardCard(card, members, 'kickoff')
    const { people: _people, createdAt: _c, updatedAt: _u, ...shown } = full
    expect(read).toMatchObject(shown)
  })

  it('filters on the server: search finds a card beyond the first page of its column', async () => {
    for (let i = 0; i < 3; i += 1) await createClient('decision', { name: `Решение ${i}` })
    const last = await createClient('decision', {
      name: 'Искомая Карточка',
      company: 'ООО «Глубина»',
    })
    const plain = column((await api('/board?limit=1')).body, 'decision')
    expect(idsOf(plain.cards)).not.toContain(last.id)
    const found = await api(`/board?limit=1&q=${encodeURIComponent('искомая')}`)
    const decision = column(found.body, 'decision')
    expect(idsOf(decision.cards)).toEqual([last.id])
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
    expect(idsOf(proposal.cards)).toEqual([marked.id])
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
