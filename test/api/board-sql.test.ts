import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BoardFilters } from '../../schema/board'
import type { Client } from '../../schema/clients'
import { BOARD_CARD_FIELDS, boardCardOf, memberRefs } from '../../shared/board-card'
import { api, createClient } from './helpers'

interface StageRow {
  id: string
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
}

/** Whether a whole client passes the board's filters, as the board's help describes them. */
function passes(c: Client, f: BoardFilters, stage: StageRow, now: number): boolean {
  const kinds = f.as ? [f.as] : (['owner', 'communicator', 'support'] as const)
  const roles = kinds.map((k) => stage[`${k}_role_id`])
  return (
    (!f.memberId || kinds.some((k) => c.acting[k] === f.memberId)) &&
    (!f.role || roles.includes(f.role)) &&
    (!f.tier || f.tier.split(',').includes(c.tier)) &&
    (!f.overdue || (c.dueAt !== null && Date.parse(c.dueAt) <= now)) &&
    (!f.q || `${c.name} ${c.company}`.toLowerCase().includes(f.q.toLowerCase())) &&
    (!f.label || c.labelIds.includes(f.label)) &&
    (!f.kam || c.kam === f.kam)
  )
}

/**
 * The board as the Worker answered it before its cards came as JSON built in SQL: every live
 * client read whole (`/clients`, in board order), filtered here and shortened by `boardCardOf`,
 * columns by stage id, members indexed in the order the cards name them.
 */
async function oldBoard(f: BoardFilters, limit: number) {
  const { results: stages } = await env.DB.prepare(
    'SELECT * FROM stages WHERE archived = 0 ORDER BY id',
  ).all<StageRow>()
  const clients = (await api('/clients')).body.clients as Client[]
  const members = memberRefs()
  const now = Date.now()
  const columns = stages.map((stage) => {
    const live = clients.filter((c) => c.stageId === stage.id)
    const matching = live.filter((c) => passes(c, f, stage, now))
    const shown = matching.slice(0, limit)
    const last = shown.at(-1)
    return {
      stageId: stage.id,
      total: live.length,
      count: matching.length,
      cards: shown.map((c) => boardCardOf(c, members)),
      next: last && matching.length > shown.length ? `${last.position}|${last.id}` : null,
    }
  })
  return { cardFields: BOARD_CARD_FIELDS, members: members.ids, columns }
}

const query = (f: BoardFilters, limit: number) =>
  new URLSearchParams({ ...f, limit: String(limit) } as Record<string, string>).toString()

let label: string

beforeAll(async () => {
  await env.DB.prepare(
    `INSERT INTO member_roles (member_id, role_id)
     VALUES ('t-member', 'account_manager'), ('t-lead', 'product'), ('t-lead', 'account_manager')
     ON CONFLICT DO NOTHING`,
  ).run()
  label = (await api('/labels', { method: 'POST', json: { name: 'Ключевой', color: 'teal' } })).body
    .id
  const other = (await api('/labels', { method: 'POST', json: { name: 'Риск', color: 'red' } }))
    .body.id
  // At the kickoff the account manager owns and talks, the product person supports.
  const full = await createClient('kickoff', {
    name: 'Полная Карточка',
    tier: 'B',
    score: 81,
    people: { account_manager: 't-member', product: 't-lead' },
    reason: 'Knows them',
  })
  const labelled = await api(`/clients/${full.id}`, {
    method: 'PATCH',
    json: { version: full.version, labelIds: [other, label], dueDate: '2026-12-24' },
  })
  expect(labelled.status).toBe(200)
  const rating = { attractiveness: 4, attractivenessNote: 'Бюджет', relationship: 2 }
  const kam = await api(`/clients/${full.id}/kam`, {
    method: 'PUT',
    json: { version: labelled.body.version, ...rating, relationshipNote: 'Закупщик' },
  })
  expect(kam.status).toBe(200)
  for (const kind of ['incident', 'receivables']) {
    expect(
      (await api(`/clients/${full.id}/flags`, { method: 'POST', json: { kind } })).status,
    ).toBe(201)
  }
  const task = (t: Record<string, unknown>) =>
    api(`/clients/${full.id}/tasks`, { method: 'POST', json: t })
  await task({ title: 'Позже', dueDate: '2026-12-30' })
  await task({ title: 'Первой «срочно»', dueDate: '2026-12-20' })
  const done = (await task({ title: 'Сделано' })).body
  await api(`/tasks/${done.id}`, { method: 'PATCH', json: { version: done.version, done: true } })
  // Only the support role staffed; nobody at all; a card past its deadline.
  await createClient('kickoff', {
    name: 'Только Поддержка',
    tier: 'C',
    people: { product: 't-lead' },
    reason: 'Knows them',
  })
  const nobody = await createClient('kickoff', { name: 'Без Людей', tier: 'A', score: null })
  const late = await createClient('first-call', {
    name: 'Просроченная',
    people: { account_manager: 't-lead' },
    reason: 'Knows them',
  })
  await env.DB.prepare('UPDATE clients SET due_at = 1000, overdue_level = 1 WHERE id = ?1')
    .bind(late.id)
    .run()
  // Two cards on one key: the id breaks the tie, whatever order they were created in.
  for (let i = 0; i < 4; i += 1) await createClient('kickoff', { name: `Ряд ${i}` })
  await env.DB.prepare(
    `UPDATE clients SET position = (SELECT position FROM clients WHERE id = ?1)
     WHERE name IN ('Ряд 1', 'Ряд 2', 'Без Людей')`,
  )
    .bind(nobody.id)
    .run()
  await createClient('first-call', {
    name: 'Второй Столбец',
    people: { account_manager: 't-member' },
    reason: 'Knows them',
  })
})

describe('the board built as JSON in SQL', () => {
  const cases: [string, BoardFilters][] = [
    ['no filter', {}],
    ['tiers', { tier: 'A,C' }],
    ['a label', { label: '' }],
    ['a KAM quadrant', { kam: 'star' }],
    ['search', { q: 'КАРТОЧКА' }],
    ['a member in any role', { memberId: 't-lead' }],
    ['a member as support', { memberId: 't-lead', as: 'support' }],
    ['overdue', { overdue: '1' }],
    ['a journey role', { role: 'product' }],
  ]
  for (const [name, filters] of cases) {
    it(`answers byte for byte what the whole clients gave, filtered by ${name}`, async () => {
      const f = 'label' in filters ? { ...filters, label } : filters
      for (const limit of [50, 2, 0]) {
        const res = await api(`/board?${query(f, limit)}`)
        expect(res.status).toBe(200)
        // The feed's cursor comes beside the cards (live.test.ts checks its value).
        const { feedCursor, ...cards } = res.body
        expect(feedCursor).toEqual(expect.any(Number))
        expect(JSON.stringify(cards)).toBe(JSON.stringify(await oldBoard(f, limit)))
      }
    })
  }

  it('carries every extra of a card and names its acting members', async () => {
    const card = (await api(`/board?q=${encodeURIComponent('полная')}`)).body
    const kickoff = card.columns.find((c: { stageId: string }) => c.stageId === 'kickoff')
    expect(kickoff.cards[0][11]).toEqual({
      kam: expect.any(String),
      flags: [
        { kind: 'incident', overdueLevel: 0 },
        { kind: 'receivables', overdueLevel: 0 },
      ],
      labelIds: expect.arrayContaining([label]),
      dueDate: '2026-12-24',
      tasks: { open: 2, done: 1, next: { title: 'Первой «срочно»', dueDate: '2026-12-20' } },
    })
    expect(kickoff.cards[0][10].map((i: number) => card.members[i])).toEqual([
      't-member',
      't-member',
      't-lead',
    ])
  })

  it('pages a column, filtered or not, as the whole list would', async () => {
    for (const f of [{}, { memberId: 't-lead' }, { tier: 'B' }] as BoardFilters[]) {
      const all = await oldBoard(f, 1000)
      const expected = all.columns.find((c) => c.stageId === 'kickoff')
      let page = (await api(`/board?${query(f, 2)}`)).body.columns.find(
        (c: { stageId: string }) => c.stageId === 'kickoff',
      )
      const ids: string[] = page.cards.map((c: string[]) => c[0])
      while (page.next !== null) {
        const res = await api(
          `/board/columns/kickoff?${query({ ...f, after: page.next } as never, 2)}`,
        )
        expect(res.status).toBe(200)
        expect(res.body.stageId).toBe('kickoff')
        expect(res.body.cards.length).toBeLessThanOrEqual(2)
        // A page names only the members of its own cards, in their order.
        const members = memberRefs()
        const own = (res.body.cards as unknown[][]).map((c) => c[0])
        const clients = (await api('/clients?stageId=kickoff')).body.clients as Client[]
        const shown = own.map((id) => clients.find((c) => c.id === id) as Client)
        expect(JSON.stringify(res.body.cards)).toBe(
          JSON.stringify(shown.map((c) => boardCardOf(c, members))),
        )
        expect(res.body.members).toEqual(members.ids)
        ids.push(...own.map(String))
        page = res.body
      }
      expect(ids).toEqual(expected?.cards.map((c) => c[0]))
    }
  })
})
