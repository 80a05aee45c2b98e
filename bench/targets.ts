/** The targets of issue 8, each judged on this run's figures, and the peers' reported figures. */
import type { Bundle } from './bundle'
import type { SizeResult } from './size-run'
import { kb, ms } from './stats'

export interface Verdict {
  target: string
  measured: string
  met: boolean | null
}

const at = (sizes: SizeResult[], n: number) => sizes.find((s) => s.clients === n)

/** Judges every target that this run has a figure for (quick runs have other sizes: none). */
export function verdicts(sizes: SizeResult[], bundle: Bundle): Verdict[] {
  const out: Verdict[] = []
  for (const [n, limit] of [
    [5000, 100],
    [20000, 300],
  ] as const) {
    const s = at(sizes, n)
    if (!s) continue
    out.push({
      target: `Board data at ${n.toLocaleString('en')} cards: p95 < ${limit} ms`,
      measured: `p95 ${ms(s.board.total.p95)} (p50 ${ms(s.board.total.p50)})`,
      met: s.board.total.p95 < limit,
    })
    const cardsRead = s.reads.clients.rowsRead
    out.push({
      target: `… reading ≤ cards + 100 rows (${n.toLocaleString('en')} cards)`,
      measured: `${cardsRead.toLocaleString('en')} rows for ${s.board.cards.toLocaleString('en')} cards`,
      met: cardsRead <= s.board.cards + 100,
    })
  }
  for (const s of sizes.filter((x) => x.clients >= 5000)) {
    const { different, same } = s.moves
    const fivexx = (m: typeof different) =>
      Object.keys(m.statuses).some((code) => code.startsWith('5') && code !== '503 dev-proxy')
    const dropped = (m: typeof different) => m.statuses['503 dev-proxy'] ?? 0
    for (const [label, m] of [
      ['different cards', different],
      ['one card', same],
    ] as const) {
      out.push({
        target: `Moves, ${m.connections} connections, ${label} (${s.clients.toLocaleString('en')}): p99 < 50 ms, no 5xx`,
        measured: `p99 ${ms(m.p99)}, ${fivexx(m) ? 'Worker 5xx' : 'no Worker 5xx'}${dropped(m) ? ` (${dropped(m)} dropped by the dev proxy)` : ''}`,
        met: m.p99 < 50 && !fivexx(m),
      })
    }
  }
  for (const l of sizes.flatMap((s) => s.live).filter((x) => x.sockets === 500)) {
    out.push({
      target: "Live board: a move's 200 to arrival on 500 sockets: p99 < 250 ms, none missed",
      measured: `p99 ${ms(l.p99)} (p50 ${ms(l.p50)}), ${l.missed} missed`,
      met: l.p99 < 250 && l.missed === 0,
    })
  }
  const big = at(sizes, 20000)
  if (big?.sweepHttp) {
    const done = big.sweepHttp.doneMs
    out.push({
      target: 'Sweep at 20,000 cards (10% overdue): < 2 s',
      measured: done === null ? 'not done in 180 s' : ms(done),
      met: done !== null && done < 2000,
    })
  }
  for (const s of sizes.filter((x) => x.clients >= 5000)) {
    out.push({
      target: `Suggestion, 300 members (${s.clients.toLocaleString('en')} cards): p95 < 20 ms`,
      measured: 'skipped' in s.suggest ? (s.suggest.skipped ?? '') : `p95 ${ms(s.suggest.p95)}`,
      met: 'skipped' in s.suggest ? null : s.suggest.p95 < 20,
    })
  }
  out.push({
    target: 'Initial JS < 80 KB gzipped',
    measured: `${kb(bundle.initialJsGzip)} (+ CSS ${kb(bundle.cssGzip)})`,
    met: bundle.initialJsGzip < 80 * 1024,
  })
  const page = at(sizes, 5000)?.page
  if (page && !('skipped' in page)) {
    out.push({
      target: 'First card visible at 5,000 cards < 1.5 s',
      measured: `median ${ms(page.firstCard.p50)} (max ${ms(page.firstCard.max)})`,
      met: page.firstCard.p50 < 1500,
    })
  }
  return out
}

/** What the peers' issue trackers report (issue 8), beside our nearest figure. */
export const PEERS = [
  { peer: 'Trello', figure: 'stops a board at 5,000 open cards', ours: 'board', cards: 5000 },
  {
    peer: 'Planka',
    figure: '~2.3 s on the server + 8–10 s rendering at ~4,000 cards',
    ours: 'load',
    cards: 5000,
  },
  {
    peer: 'Kanboard',
    figure: '3–4 s after each drag at 500 open tasks',
    ours: 'move',
    cards: 5000,
  },
  { peer: 'Wekan', figure: '~11 s to load 467 cards', ours: 'load', cards: 5000 },
] as const
