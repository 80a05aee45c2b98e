/**
 * Everything measured at one organisation size: seed a fresh D1, account for the board's and the
 * sweep's SQL (D1's rows read, and the same statements straight on SQLite), then serve the Worker
 * and measure it over HTTP, in Chromium, and under load.
 */
import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { boardPage } from './browser'
import { seedState } from './d1-state'
import { queryPlan, replay, timeStatement } from './floor'
import { checkHistories } from './history-check'
import { getJson, signIn, timed } from './http'
import { boardData, sequential, suggestion } from './latency'
import { liveFanout } from './live'
import { moveLoad, pickMoveCards, refreshCards, type MoveCard } from './moves'
import { root } from './paths'
import { boardReads, sweepReads } from './rows-read'
import { cpuBetween, treeCpu, treeMemory } from './processes'
import { startServer, stopServer } from './server'
import { d1File, settleDisk } from './sqlite-cli'
import { loadAverage, round } from './stats'
import { sweep } from './sweep'

export interface SizeOptions {
  /** The wrangler config of the frozen Worker to serve (server.ts, snapshotWorker). */
  config: string
  /** The same for the floor Worker, which only makes a move's two round trips. */
  floorConfig: string
  clients: number
  connections: number
  loadSeconds: number
  boardRuns: number
  floorRuns: number
  /** Sequential requests for the request-overhead figures (empty route, one card, suggestion). */
  sequentialRuns: number
  /** How long to let the server finish the moves still queued after a load (ms). */
  settleMs: number
  browser: boolean
  sweep: boolean
  /** Socket counts for the live board's fan-out (none: skipped), and moves per count. */
  liveSockets: number[]
  liveMoves: number
}

interface Journey {
  phases: { stages: { id: string; wipLimit: number | null }[] }[]
}

/**
 * Wrangler's platform proxy makes D1's `prepare` a synchronous call to workerd; across thousands
 * of statements it now and then trips over its own message ids (an assertion in miniflare's
 * fetch-sync). Such a phase is run again from a fresh copy, at most three times.
 */
async function retried<T>(say: (line: string) => void, attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt()
    } catch (error) {
      if (i >= 3) throw error
      say(`    (platform proxy failed: ${String(error).slice(0, 120)}; again)`)
    }
  }
}

const freshCopy = (from: string, to: string) => {
  rmSync(to, { recursive: true, force: true })
  cpSync(from, to, { recursive: true })
}

/** The server's CPU time (its whole process tree) spent on `work`, per request it made. */
async function serverCpu<T>(pid: number, work: () => Promise<T>, requests: (r: T) => number) {
  const before = treeCpu(pid)
  const result = await work()
  return { result, cpuMsPerRequest: round(cpuBetween(before, treeCpu(pid)) / requests(result)) }
}

/**
 * The same requests through `wrangler dev`: what its dev proxy (a second workerd in front of the
 * Worker) adds, so the workerd figures can be read against what `npm start` serves.
 */
async function throughWranglerDev(dir: string, o: SizeOptions) {
  const server = await startServer(dir, o.config, 'wrangler')
  try {
    const member = await signIn(server.url, 'member@demo.local')
    const pid = server.process.pid ?? 0
    const health = await serverCpu(
      pid,
      () => sequential(member, o.sequentialRuns, () => timed(member, '/api/health')),
      (r) => r.n + 5,
    )
    const board = await serverCpu(
      pid,
      () => boardData(member, o.boardRuns),
      () => o.boardRuns + 3,
    )
    return {
      health: health.result,
      board: board.result.total,
      serverCpuMs: { health: health.cpuMsPerRequest, boardLoad: board.cpuMsPerRequest },
    }
  } finally {
    await stopServer(server)
  }
}

/**
 * The loads of many connections, on different cards and on one card, sent to the floor Worker
 * right after ours, on the same cards in a copy of the same state: what the runtime alone makes
 * of a move's round trips.
 */
async function floorMoves(dir: string, o: SizeOptions, spread: MoveCard[], raced: MoveCard[]) {
  const server = await startServer(dir, o.floorConfig)
  try {
    // Copies: the history check reads the versions our Worker answered on the real cards.
    const copy = (cards: MoveCard[]) => cards.map((c) => ({ ...c, won: [] }))
    const s = { url: server.url, cookie: '' }
    const load = async (cards: MoveCard[]) => {
      await refreshCards(s, cards, 0)
      return serverCpu(
        server.process.pid ?? 0,
        () => moveLoad(s, cards, o.connections, o.loadSeconds),
        (r) => r.requests,
      )
    }
    return { different: await load(copy(spread)), same: await load(copy(raced)) }
  } finally {
    await stopServer(server)
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runSize(o: SizeOptions, say: (line: string) => void) {
  const loads: Record<string, number> = {}
  const phase = (name: string) => {
    loads[name] = loadAverage()
    say(`  ${name} (load average ${loads[name]})`)
  }
  const dir = join(root, '.wrangler', `bench-${o.clients}`)
  phase('seeding a fresh D1')
  const seeded = await seedState(dir, o.clients)
  const copies = o.sweep ? [`${dir}-sweep-d1`, `${dir}-sweep-floor`] : []
  for (const copy of copies) freshCopy(dir, copy)

  phase("D1's accounting of the board reads, and the same SQL on SQLite")
  const reads = await retried(say, () => boardReads(dir, Math.min(o.floorRuns, 7)))
  const { suggestion: suggestionReads, ...boardOnly } = reads
  const statements = Object.entries(boardOnly).flatMap(([call, r]) =>
    r.log.map((e) => ({
      call,
      sql: e.sql.replace(/\s+/g, ' ').slice(0, 90),
      rows: e.rows,
      rowsRead: e.rowsRead,
      d1Ms: e.durationMs,
      floor: timeStatement(seeded.file, e, o.floorRuns),
      plan: queryPlan(seeded.file, e),
    })),
  )

  let sweepSql = null
  if (o.sweep) {
    phase('one SLA sweep through D1 (accounting), then its statements replayed on SQLite')
    const [accounted, floorCopy] = copies
    if (!accounted || !floorCopy) throw new Error('no state copies for the sweep')
    const now = Date.now()
    const { first, idle } = await retried(say, async () => {
      freshCopy(dir, accounted)
      return { first: await sweepReads(accounted, now), idle: await sweepReads(accounted, now) }
    })
    const floor = replay(d1File(floorCopy), first.log)
    sweepSql = { first: first.totals, idle: idle.totals, proxyWallMs: round(first.wallMs), floor }
    for (const copy of copies) rmSync(copy, { recursive: true, force: true })
  }

  phase('the empty route and board data through `wrangler dev`, as `npm start` serves')
  settleDisk()
  const devProxy = await throughWranglerDev(dir, o)

  phase('serving the Worker (workerd)')
  // The floor moves cards on a copy of the same state, so ours find theirs as they left them.
  const floorDir = `${dir}-floor`
  freshCopy(dir, floorDir)
  settleDisk()
  const server = await startServer(dir, o.config)
  try {
    const pid = server.process.pid ?? 0
    const cpu = <T>(work: () => Promise<T>, requests: (r: T) => number) =>
      serverCpu(pid, work, requests)
    const member = await signIn(server.url, 'member@demo.local')
    const admin = await signIn(server.url, 'admin@demo.local')
    phase('request overhead and board data')
    const health = await cpu(
      () => sequential(member, o.sequentialRuns, () => timed(member, '/api/health')),
      (r) => r.n + 5,
    )
    const board = await cpu(
      () => boardData(member, o.boardRuns),
      () => o.boardRuns + 3,
    )
    const journey = await getJson<Journey>(member, '/api/journey')
    const { clients } = await getJson<{ clients: Parameters<typeof pickMoveCards>[0] }>(
      member,
      '/api/clients',
    )
    const oneId = clients[0]?.id ?? ''
    const oneCard = await sequential(member, o.sequentialRuns, () =>
      timed(member, `/api/clients/${oneId}`),
    )
    phase('assignment suggestion')
    const suggest = await suggestion(admin, o.sequentialRuns)

    phase(
      'moves: one connection, then 50 on different cards (as the board sends them, then each with an Idempotency-Key), then 50 on one card',
    )
    const stages = journey.phases.flatMap((p) => p.stages)
    const pool = pickMoveCards(clients, stages, o.connections + 6, Date.now())
    const solo = pool.slice(0, 5)
    const spread = pool.slice(5, 5 + o.connections)
    const raced = pool.slice(-1)
    await moveLoad(member, solo, 1, 1)
    await refreshCards(member, solo, o.settleMs)
    const load = (cards: typeof pool, connections: number, seconds: number, keyed = false) =>
      cpu(
        () => moveLoad(member, cards, connections, seconds, keyed),
        (r) => r.requests,
      )
    const single = await load(solo, 1, Math.max(2, o.loadSeconds / 4))
    const different = await load(spread, o.connections, o.loadSeconds)
    const floor = await floorMoves(floorDir, o, spread, raced)
    await refreshCards(member, spread, o.settleMs)
    const keyed = await load(spread, o.connections, o.loadSeconds, true)
    await refreshCards(member, spread, o.settleMs)
    const same = await load(raced, o.connections, o.loadSeconds)
    await refreshCards(member, raced, o.settleMs)
    const history = await checkHistories(member, [...solo, ...spread, ...raced])

    const live = []
    for (const sockets of o.liveSockets) {
      phase(`live board: a move's 200 to its arrival on ${sockets} sockets`)
      await refreshCards(member, solo, 0)
      live.push(await liveFanout(member, solo, sockets, o.liveMoves))
    }

    let page = null
    if (o.browser) {
      phase('the board page in Chromium')
      settleDisk()
      page = await boardPage(server.url, 'member@demo.local', 5, 3)
    }
    let sweepHttp = null
    if (o.sweep) {
      phase('the SLA sweep through the scheduled handler')
      settleDisk()
      const swept = await cpu(
        () => sweep(seeded.file, () => server.scheduled('*/5 * * * *')),
        () => 1,
      )
      sweepHttp = { ...swept.result, serverCpuMs: swept.cpuMsPerRequest }
    }
    const memory = server.process.pid === undefined ? [] : treeMemory(server.process.pid)
    phase('done')
    return {
      clients: o.clients,
      seeded: {
        clients: seeded.clients,
        members: seeded.members,
        overdue: seeded.overdue,
        seedSqlBytes: seeded.seedSqlBytes,
        generateMs: round(seeded.generateMs),
        migrateMs: round(seeded.migrateMs),
        loadMs: round(seeded.loadMs),
      },
      loads,
      statements,
      reads: {
        journey: reads.journey.totals,
        clients: reads.clients.totals,
        members: reads.members.totals,
        suggestion: suggestionReads.totals,
      },
      sweepSql,
      health: health.result,
      board: board.result,
      oneCard,
      suggest,
      moves: {
        single: single.result,
        different: different.result,
        keyed: keyed.result,
        same: same.result,
        history,
        floor: floor.different.result,
        floorSame: floor.same.result,
      },
      live,
      devProxy,
      /** Server CPU (workerd, user + system) per request, or per board load / sweep. */
      serverCpuMs: {
        health: health.cpuMsPerRequest,
        boardLoad: board.cpuMsPerRequest,
        moveSingle: single.cpuMsPerRequest,
        moveDifferent: different.cpuMsPerRequest,
        moveKeyed: keyed.cpuMsPerRequest,
        moveSame: same.cpuMsPerRequest,
        moveFloor: floor.different.cpuMsPerRequest,
      },
      page,
      sweepHttp,
      memory,
    }
  } finally {
    await stopServer(server)
  }
}

export type SizeResult = Awaited<ReturnType<typeof runSize>>
