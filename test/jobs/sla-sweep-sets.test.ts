import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Env } from '../../worker/env'
import { slaSweep } from '../../worker/jobs/sla-sweep'
import { createClient } from '../api/helpers'

/** The D1 binding, counting the statements each batch sends. */
function countingDb(db: D1Database, batches: number[]): D1Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          batches.push(statements.length)
          return target.batch(statements)
        }
      }
      const value: unknown = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('the SLA sweep, set-based', () => {
  it('writes a page of due cards in one batch of a handful of statements, however many cards', async () => {
    // Kickoff flags, Platform demo flags, Proposal returns (the default template's policies).
    const cards = []
    for (const stageId of [
      'kickoff',
      'kickoff',
      'platform-demo',
      'platform-demo',
      'proposal',
      'proposal',
    ]) {
      cards.push(await createClient(stageId))
    }
    const late = Math.max(...cards.map((c) => Date.parse(c.dueAt ?? ''))) + 60_000
    const batches: number[] = []
    const db = countingDb(env.DB, batches)
    const said = await slaSweep({ ...env, DB: db } as Env, late)
    expect(said).toMatch(/[1-9]\d* cards newly overdue/)
    // The journey and the people to alert are read in two batches. Then each level reads a page
    // (its due cards, and whether a webhook takes SLA events) in one batch of two: level 1 writes
    // all six cards in one batch of at most six statements; level 2 finds none past twice the SLA.
    const [, , ...pages] = batches
    expect(pages).toHaveLength(3)
    expect(pages[0]).toBe(2)
    expect(pages[1]).toBeLessThanOrEqual(6)
    expect(pages[2]).toBe(2)
    const levels = await env.DB.prepare(
      'SELECT overdue_level AS level, stage_id FROM clients WHERE id IN (SELECT value FROM json_each(?1))',
    )
      .bind(JSON.stringify(cards.map((c) => c.id)))
      .all<{ level: number; stage_id: string }>()
    expect(levels.results.filter((r) => r.level === 1)).toHaveLength(4)
    expect(levels.results.filter((r) => r.stage_id === 'platform-demo')).toHaveLength(4)
    // Run again: nothing is due any more, nothing is written: the two reads and a page read
    // per level.
    batches.length = 0
    await slaSweep({ ...env, DB: db } as Env, late)
    expect(batches.slice(2)).toEqual([2, 2])
  })
})

describe('the SLA sweep, page after page', () => {
  it('marks every due card once when there are more than a page of them', async () => {
    const first = await createClient('kickoff')
    // 520 copies of one card (more than a page of 500), each with its own id and key.
    const { results: columns } = await env.DB.prepare(
      "SELECT name FROM pragma_table_info('clients')",
    ).all<{ name: string }>()
    const names = columns.map((c) => c.name)
    const copied = names.map((n) =>
      n === 'id'
        ? `'${first.id}-' || n.i`
        : n === 'position'
          ? `position || printf('%04d', n.i)`
          : n,
    )
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 520)
       INSERT INTO clients (${names.join(', ')}) SELECT ${copied.join(', ')} FROM clients, n
       WHERE clients.id = ?1`,
    )
      .bind(first.id)
      .run()
    const late = Date.parse(first.dueAt ?? '') + 60_000
    const batches: number[] = []
    const said = await slaSweep({ ...env, DB: countingDb(env.DB, batches) } as Env, late)
    expect(said).toMatch(/^SLA sweep: 521 cards newly overdue/)
    const marked = await env.DB.prepare(
      `SELECT COUNT(*) AS cards, (SELECT COUNT(*) FROM client_events e
         WHERE e.kind = 'overdue' AND e.client_id LIKE ?1) AS events
       FROM clients WHERE id LIKE ?1 AND overdue_level = 1`,
    )
      .bind(`${first.id}%`)
      .first<{ cards: number; events: number }>()
    expect(marked).toEqual({ cards: 521, events: 521 })
    // After the two reads: level 1 reads and writes two pages, level 2 reads one (none due).
    expect(batches).toHaveLength(7)
  })
})
