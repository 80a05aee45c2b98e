import { gzipSync } from 'node:zlib'
import { timed, type Session } from './http'
import { summarize, type Summary } from './stats'

/** The calls the board page makes at start (web/src/app.tsx, pages/board-page.tsx). */
export const BOARD_CALLS = ['/api/journey', '/api/board', '/api/members'] as const

export interface BoardData {
  /** Who-am-I first, then the three reads in parallel, as the page does. */
  total: Summary
  /** The three reads in parallel. */
  parallel: Summary
  perCall: Record<string, Summary & { bytes: number; gzipBytes: number }>
  cards: number
}

/** `runs` page starts (after `warmup` more), each: me, then journey + clients + members at once. */
export async function boardData(s: Session, runs: number, warmup = 3): Promise<BoardData> {
  const total: number[] = []
  const parallel: number[] = []
  const per = new Map<string, number[]>(BOARD_CALLS.map((p) => [p, []]))
  const bytes = new Map<string, { raw: number; gzip: number }>()
  let cards = 0
  for (let i = 0; i < runs + warmup; i += 1) {
    const started = performance.now()
    const me = await timed(s, '/api/auth/me')
    if (me.status !== 200) throw new Error(`GET /api/auth/me: ${me.status}`)
    const both = performance.now()
    const answers = await Promise.all(BOARD_CALLS.map((p) => timed(s, p)))
    const end = performance.now()
    for (const [k, a] of answers.entries()) {
      const path = BOARD_CALLS[k] ?? ''
      if (a.status !== 200) throw new Error(`GET ${path}: ${a.status} ${a.text.slice(0, 200)}`)
      if (i >= warmup) per.get(path)?.push(a.ms)
      if (!bytes.has(path)) bytes.set(path, { raw: a.bytes, gzip: gzipSync(a.text).length })
      if (path === '/api/board') {
        const board = JSON.parse(a.text) as { columns: { cards: unknown[] }[] }
        cards = board.columns.reduce((sum, c) => sum + c.cards.length, 0)
      }
    }
    if (i >= warmup) {
      total.push(end - started)
      parallel.push(end - both)
    }
  }
  return {
    total: summarize(total),
    parallel: summarize(parallel),
    perCall: Object.fromEntries(
      BOARD_CALLS.map((p) => [
        p,
        {
          ...summarize(per.get(p) ?? []),
          bytes: bytes.get(p)?.raw ?? 0,
          gzipBytes: bytes.get(p)?.gzip ?? 0,
        },
      ]),
    ),
    cards,
  }
}

/** Sequential latency of one request shape. */
export async function sequential(
  s: Session,
  runs: number,
  call: () => Promise<{ ms: number; status: number }>,
  warmup = 5,
): Promise<Summary & { statuses: Record<string, number> }> {
  const times: number[] = []
  const statuses: Record<string, number> = {}
  for (let i = 0; i < runs + warmup; i += 1) {
    const r = await call()
    statuses[r.status] = (statuses[r.status] ?? 0) + 1
    if (i >= warmup) times.push(r.ms)
  }
  return { ...summarize(times), statuses }
}

/** The assignment suggestion (admin: the whole organisation is the pool); null if not served. */
export async function suggestion(admin: Session, runs: number) {
  const call = () =>
    timed(admin, '/api/assignments/suggest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tier: 'B', score: 60, roleId: 'account_manager' }),
    })
  const probe = await call()
  if (probe.status !== 200)
    return { skipped: `POST /api/assignments/suggest answered ${probe.status}` }
  const body = JSON.parse(probe.text) as { candidates: unknown[]; excluded: unknown[] }
  return {
    ...(await sequential(admin, runs, call)),
    candidates: body.candidates.length,
    excluded: body.excluded.length,
  }
}
