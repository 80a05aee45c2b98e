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
    // The journey and the people to alert are read in two batches; then level 1 (none is past
    // twice the SLA) writes all six cards in one batch of at most six statements.
    const reads = batches.length - 1
    expect(reads).toBe(2)
    expect(batches.at(-1)).toBeLessThanOrEqual(6)
    const levels = await env.DB.prepare(
      'SELECT overdue_level AS level, stage_id FROM clients WHERE id IN (SELECT value FROM json_each(?1))',
    )
      .bind(JSON.stringify(cards.map((c) => c.id)))
      .all<{ level: number; stage_id: string }>()
    expect(levels.results.filter((r) => r.level === 1)).toHaveLength(4)
    expect(levels.results.filter((r) => r.stage_id === 'platform-demo')).toHaveLength(4)
    // Run again: nothing is due any more, nothing is written beyond the two reads.
    batches.length = 0
    await slaSweep({ ...env, DB: db } as Env, late)
    expect(batches).toHaveLength(reads)
  })
})
