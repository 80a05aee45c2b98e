/**
 * D1's own accounting (rows read, rows written, its SQL duration) for the board's reads and for
 * a whole SLA sweep, through wrangler's platform proxy on the same persisted D1, with the
 * Worker's data functions unchanged. Run while no `wrangler dev` holds the same state.
 */
import { join } from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { readBoard } from '../worker/db/board'
import { loadJourney } from '../worker/db/journey'
import { listMembers } from '../worker/db/members'
import type { Env } from '../worker/env'
import { slaSweep } from '../worker/jobs/sla-sweep'
import { suggestSnapshot } from '../worker/services/team-snapshot'
import { recordingDb, totals, type Executed } from './d1-recorder'
import { root } from './paths'
import { median } from './stats'

async function withDb<T>(persistDir: string, use: (db: D1Database) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(root, 'wrangler.toml'),
    persist: { path: join(persistDir, 'v3') },
  })
  try {
    return await use(proxy.env.DB)
  } finally {
    await proxy.dispose()
  }
}

export interface Recorded {
  log: Executed[]
  totals: ReturnType<typeof totals>
}

const record = async (db: D1Database, run: (db: D1Database) => Promise<unknown>) => {
  const log: Executed[] = []
  await run(recordingDb(db, log))
  return { log, totals: totals(log) }
}

/** `runs` recordings of one read; D1's SQL duration is their median (rows read never vary). */
async function repeated(db: D1Database, runs: number, read: (db: D1Database) => Promise<unknown>) {
  const first = await record(db, read)
  const durations = [first.totals.d1DurationMs]
  for (let i = 1; i < runs; i += 1) durations.push((await record(db, read)).totals.d1DurationMs)
  return { ...first, totals: { ...first.totals, d1DurationMs: median(durations) } }
}

/** The three reads the board page makes at start, each on its own; and what a suggestion reads. */
export function boardReads(persistDir: string, runs: number) {
  return withDb(persistDir, async (db) => ({
    journey: await repeated(db, runs, (d) => loadJourney(d)),
    clients: await repeated(db, runs, (d) => readBoard(d, {}, 50, Date.now())),
    members: await repeated(db, runs, (d) => listMembers(d)),
    suggestion: await repeated(db, runs, (d) => suggestSnapshot(d, Date.now())),
  }))
}

/** One SLA sweep as the cron runs it (mutates the state: give it a copy). */
export function sweepReads(persistDir: string, now: number) {
  return withDb(persistDir, async (db) => {
    const started = performance.now()
    const recorded = await record(db, (d) => slaSweep({ DB: d } as unknown as Env, now))
    return { ...recorded, wallMs: performance.now() - started }
  })
}
