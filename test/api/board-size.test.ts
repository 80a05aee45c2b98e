import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { BoardCard } from '../../schema/board'
import { api } from './helpers'

const PER_COLUMN = 50

describe('the board answer, in bytes', () => {
  it('sends what a card shows in ~200 bytes, with 50 cards in each of the 40 columns', async () => {
    // Names and companies as a Russian department writes them (two bytes a letter in UTF-8),
    // every journey role held, a due date and a task on some: a full first screen.
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO members (id, name, email, grade, created_at, updated_at)
         SELECT 'size-' || id || '-' || lower(hex(randomblob(12))), 'Size ' || id,
           'size-' || id || '@m.test', 'senior', 0, 0
         FROM roles`,
      ),
      env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < CAST(?1 AS INTEGER))
         INSERT INTO clients (id, name, company, tier, score, stage_id, position, entered_stage_at,
           due_at, created_at, updated_at, due_date)
         SELECT lower(hex(randomblob(18))), 'Клиент Северо-Запад ' || n.i,
           'ООО «Промышленная логистика ' || n.i || '»', 'B', 60, s.id, 'a' || (n.i + 10),
           1764547200000, 1764806400000, 0, 0, CASE WHEN n.i % 5 = 0 THEN '2026-12-24' END
         FROM stages s, n WHERE s.archived = 0`,
      ).bind(PER_COLUMN),
      env.DB.prepare(
        `INSERT INTO client_people (client_id, role_id, member_id, assigned_at)
         SELECT c.id, r.id, m.id, 0 FROM clients c, roles r
         JOIN members m ON m.email = 'size-' || r.id || '@m.test'
         WHERE c.name LIKE 'Клиент Северо-Запад %'`,
      ),
    ])
    const res = await api('/board')
    expect(res.status).toBe(200)
    // The Worker answers JSON.stringify of the same value: the same bytes.
    const text = JSON.stringify(res.body)
    const cards = (res.body.columns as { cards: unknown[] }[]).flatMap((c) => c.cards)
    expect(cards.length).toBeGreaterThanOrEqual(40 * PER_COLUMN)
    for (const card of cards) BoardCard.parse(card)
    const bytes = new TextEncoder().encode(text).length
    // Names and companies alone are ~100 bytes of these cards, the card's UUID 38. Sent as
    // objects with every acting member's id and ISO times, the same cards took ~490 bytes each
    // (over 950 KB for the screen); as arrays naming members by index, ~200.
    expect(bytes / cards.length).toBeLessThan(230)
    // The eight acting members are named once, not on each of the 2,000 cards.
    expect(res.body.members.length).toBeLessThan(50)
  })
})
