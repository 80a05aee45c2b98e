import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  flowDeltas,
  measureVisitsStatement,
  rebuildVisitStatsStatements,
} from '../../worker/db/report-snapshots'
import { d1Runner, type Sql } from '../../worker/db/sql-runner'
import { FLOW_ROWS, history, type HistoryEvent } from '../setup/report-history'
import { MORNING, runCron } from './run-cron'

/** The journey's stages in order, as the test database's template has them. */
const stagesInOrder = async () =>
  (
    await env.DB.prepare(
      `SELECT s.id FROM stages s JOIN phases p ON p.id = s.phase_id WHERE s.archived = 0
       ORDER BY p.position, s.position`,
    ).all<{ id: string }>()
  ).results.map((s) => s.id)

/** A small deterministic generator (an LCG, high bits), so the history is the same every run. */
function random(seed: number) {
  let state = seed
  return (n: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return (state >>> 8) % n
  }
}

/**
 * Six weeks of history for 40 cards: moves on (one or several stages), returns, moves within a
 * stage, archives and restores, at any hour including nights and weekends, three tiers, owners
 * for some roles and none for others.
 */
async function buildHistory() {
  const stages = await stagesInOrder()
  const rnd = random(19)
  const start = Date.parse('2026-10-01T00:00:00Z')
  for (let c = 0; c < 40; c += 1) {
    let at = start + rnd(10 * 24) * 3_600_000 + rnd(60) * 60_000
    let k = rnd(6)
    let stage = stages[k] ?? 'inbound-lead'
    const events: HistoryEvent[] = [['created', null, stage, new Date(at).toISOString()]]
    let archived = false
    for (let n = 0; n < 3 + rnd(12); n += 1) {
      at += rnd(4 * 24) * 3_600_000 + rnd(3_600) * 1_000
      const iso = new Date(at).toISOString()
      const roll = rnd(20)
      if (archived) {
        events.push(['restored', null, null, iso])
        archived = false
      } else if (roll === 0) {
        events.push(['archived', null, null, iso])
        archived = true
      } else if (roll === 1 && k > 0) {
        k -= 1
        events.push(['returned', stage, stages[k] ?? stage, iso])
        stage = stages[k] ?? stage
      } else if (roll === 2) {
        events.push(['moved', stage, stage, iso])
      } else {
        k = Math.min(stages.length - 1, k + 1 + (roll === 3 ? rnd(8) : 0))
        events.push(['moved', stage, stages[k] ?? stage, iso])
        stage = stages[k] ?? stage
      }
    }
    const people: Record<string, string> = { sales: c % 3 ? 't-member' : 't-lead' }
    if (c % 4) people['account_manager'] = c % 2 ? 't-lead' : 't-member'
    await history(`same-${String(c).padStart(2, '0')}`, 'ABC'[c % 3] ?? 'A', events, people)
  }
}

/** Each derived table in a canonical order, and the SHA-256 of it as JSON. */
const TABLES = {
  flow_snapshots: 'day, stage_id, tier',
  stage_visits: 'exit_event_id',
  visit_buckets: 'day, stage_id, tier, bucket',
  visit_owners: 'day, owner_id, stage_id, tier',
  client_reach: 'client_id',
} as const

async function rowsOf(table: keyof typeof TABLES) {
  // The flow compared per tier: the same rows and digest as before 0026 packed them by stage.
  const from = table === 'flow_snapshots' ? `(${FLOW_ROWS})` : table
  return (await env.DB.prepare(`SELECT * FROM ${from} ORDER BY ${TABLES[table]}`).all()).results
}

async function digests() {
  const out: Record<string, string> = {}
  for (const table of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const rows = await rowsOf(table)
    const bytes = new TextEncoder().encode(JSON.stringify(rows))
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
    out[table] = `${rows.length} ${[...hash].map((b) => b.toString(16).padStart(2, '0')).join('')}`
  }
  return out
}

describe('the first run of the report snapshots on a built history', () => {
  beforeAll(async () => {
    await buildHistory()
    await runCron(MORNING, Date.parse('2026-11-20T06:00:00Z'))
  })

  it('writes the same snapshots, visits and day aggregates as the job before the speed-up', async () => {
    // The history has every kind of visit: returns, archives, and moves within a stage.
    const kinds = await env.DB.prepare(
      `SELECT SUM(returned) AS returned, SUM(archived) AS archived,
         (SELECT COUNT(*) FROM client_events WHERE kind = 'moved' AND from_stage_id = to_stage_id)
           AS within, (SELECT COUNT(*) FROM client_events WHERE kind = 'restored') AS restored
       FROM stage_visits`,
    ).first<Record<string, number>>()
    for (const [kind, n] of Object.entries(kinds ?? {})) expect(n, kind).toBeGreaterThan(0)
    // Recorded from the job as it stood before the first run was made faster (main at 73807ca:
    // the visits' working time measured twice per visit, the day aggregates rebuilt month by
    // month through the day index, the tier read from the client rows): row count and SHA-256
    // of each table in key order.
    expect(await digests()).toEqual(EXPECTED)
  })

  it('rebuilds every day in one pass to the same aggregates the daily run builds day by day', async () => {
    const once = { buckets: await rowsOf('visit_buckets'), owners: await rowsOf('visit_owners') }
    expect(once.buckets.length).toBeGreaterThan(50)
    await d1Runner(env.DB).batch([
      ...rebuildVisitStatsStatements({ from: '2026-09-01', to: '2026-10-15' }),
      ...rebuildVisitStatsStatements({ from: '2026-10-16', to: '2026-12-31' }),
    ])
    expect(await rowsOf('visit_buckets')).toEqual(once.buckets)
    expect(await rowsOf('visit_owners')).toEqual(once.owners)
  })

  it('reads the history in one walk of the client index, and every tier from an index', async () => {
    const plan = async (q: Sql) =>
      (
        await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
          .bind(...q.params)
          .all<{ detail: string }>()
      ).results.map((r) => r.detail)
    const flow: string[][] = []
    await flowDeltas(
      { all: async <T>(q: Sql) => (flow.push(await plan(q)), [] as T[]), batch: async () => {} },
      0,
      Date.parse('2026-11-20T00:00:00Z'),
      3 * 3_600_000,
    )
    expect(flow.flat()).toContain('SEARCH c USING COVERING INDEX clients_by_id_tier (id=?)')
    const visits = await plan(measureVisitsStatement(null, 0, 1e9, 3 * 3_600_000, 9 * 3_600_000))
    // No sort of the whole history before the visits are measured, nor a read of its rows.
    expect(visits).toContain('SCAN e USING COVERING INDEX client_events_by_client')
    expect(visits).toContain('SEARCH c USING COVERING INDEX clients_by_id_tier (id=?)')
  })
})

const EXPECTED: Record<string, string> = {
  flow_snapshots: '1283 c859284387ee6f7a5a8f5a30599af0a3062947dda3ef395686c2cd2082560ce8',
  stage_visits: '228 29dfc48d125a30c9220cc9ee3ca8d52638c490b1f1cfc2f2a907ddd00716de0c',
  visit_buckets: '212 c8fd1cb19b8f8a2bbc51d883b961ee3fa80d2efa1fab8a58aeae00e812d32e63',
  visit_owners: '186 e9017e386d766897089a3cda18dd3f89280d76cb71e3b59f30184af1d933b7fe',
  client_reach: '40 1ffef43271c2d3fac65dec1ebfd35284a777f1e76e9455aee6298c5bf8bb9063',
}
