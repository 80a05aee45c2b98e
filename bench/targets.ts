/** The targets of issue 15 (which replace issue 8's where they differ), each judged on this run's figures, and the peers' reported figures. */
import type { Bundle } from './bundle'
import type { SizeResult } from './size-run'
import { kb, ms } from './stats'

export interface Verdict {
  target: string
  measured: string
  met: boolean | null
  /** The figure before issue 15 (BENCHMARKS.md of 2026-11-23, commit 7288c25). */
  before: string
}

const at = (sizes: SizeResult[], n: number) => sizes.find((s) => s.clients === n)
const nf = (x: number) => x.toLocaleString('en')

/** Issue 15's figures before its changes, by target (the run of 2026-11-23, commit 7288c25). */
const BEFORE: Record<string, string> = {
  'board 5000': 'p95 184 ms (target was < 100 ms)',
  'board 20000': 'p95 374 ms (target was < 300 ms)',
  'bytes 5000': '2,149 KB (/api/clients)',
  'bytes 20000': '8,604 KB (/api/clients)',
  'single 5000': 'p50 18.0 ms',
  'single 20000': 'p50 19.0 ms',
  'different 5000': '82.4/s, p99 1057 ms (target was p99 < 50 ms)',
  'different 20000': '78.8/s, p99 1029 ms (target was p99 < 50 ms)',
  'same 5000': 'p99 952 ms',
  'same 20000': 'p99 721 ms',
  sweep: '1895 ms (target was < 2 s)',
  'suggest 5000': 'p95 63.3 ms, 40,539 rows',
  'suggest 20000': 'p95 174 ms, 158,266 rows',
  live: 'p99 802 ms, 0 missed (2026-12-01)',
  js: '57.1 KB',
  first: '546 ms at 5,000 (target was < 1.5 s at 5,000)',
}

/** Judges every target of issue 15 that this run has a figure for (quick runs: none). */
export function verdicts(sizes: SizeResult[], bundle: Bundle): Verdict[] {
  const out: Verdict[] = []
  for (const [n, limit] of [
    [5000, 100],
    [20000, 150],
  ] as const) {
    const s = at(sizes, n)
    if (!s) continue
    out.push({
      target: `Board data at ${nf(n)} cards: p95 < ${limit} ms`,
      measured: `p95 ${ms(s.board.total.p95)} (p50 ${ms(s.board.total.p50)})`,
      met: s.board.total.p95 < limit,
      before: BEFORE[`board ${n}`] ?? '',
    })
    const bytes = s.board.perCall['/api/board']?.bytes ?? Number.NaN
    out.push({
      target: `… board cards < 400 KB uncompressed (${nf(n)} cards)`,
      measured: `${kb(bytes)} for ${nf(s.board.cards)} cards (${nf(s.reads.clients.rowsRead)} rows read)`,
      met: bytes < 400 * 1024,
      before: BEFORE[`bytes ${n}`] ?? '',
    })
  }
  for (const s of sizes.filter((x) => x.clients >= 5000)) {
    const { single, different, keyed, same } = s.moves
    const fivexx = (m: typeof different) =>
      Object.keys(m.statuses).some((code) => code.startsWith('5') && code !== '503 dev-proxy')
    const dropped = (m: typeof different) => m.statuses['503 dev-proxy'] ?? 0
    const size = nf(s.clients)
    out.push({
      target: `Move, one connection (${size}): p50 < 10 ms`,
      measured: `p50 ${ms(single.p50)} (p99 ${ms(single.p99)})`,
      met: single.p50 < 10,
      before: BEFORE[`single ${s.clients}`] ?? '',
    })
    out.push({
      target: `Moves, ${different.connections} connections, different cards (${size}): ≥ 300/s, p99 < 250 ms, no 5xx`,
      // The board's moves (no key); beside them the same load with a key on every move, which
      // runs before the eighth round sent and which an API client may send.
      measured:
        `${different.throughputRps}/s, p99 ${ms(different.p99)}, ${fivexx(different) || (keyed && fivexx(keyed)) ? 'Worker 5xx' : 'no Worker 5xx'}${dropped(different) ? ` (${dropped(different)} dropped by the dev proxy)` : ''}` +
        (keyed ? `; each move keyed: ${keyed.throughputRps}/s, p99 ${ms(keyed.p99)}` : '') +
        (s.moves.floor
          ? `; the floor Worker (only the two round trips): ${s.moves.floor.throughputRps}/s, p99 ${ms(s.moves.floor.p99)}`
          : ''),
      met:
        different.throughputRps >= 300 &&
        different.p99 < 250 &&
        !fivexx(different) &&
        !(keyed && fivexx(keyed)),
      before: BEFORE[`different ${s.clients}`] ?? '',
    })
    out.push({
      target: `Moves, ${same.connections} connections, one card (${size}): p99 < 250 ms, no 5xx`,
      measured:
        `p99 ${ms(same.p99)}, ${fivexx(same) ? 'Worker 5xx' : 'no Worker 5xx'}` +
        (s.moves.floorSame ? `; the floor Worker: p99 ${ms(s.moves.floorSame.p99)}` : ''),
      met: same.p99 < 250 && !fivexx(same),
      before: BEFORE[`same ${s.clients}`] ?? '',
    })
  }
  for (const l of sizes.flatMap((s) => s.live).filter((x) => x.sockets === 500)) {
    out.push({
      target: "Live board: a move's 200 to arrival on 500 sockets: p99 < 250 ms, none missed",
      measured: `p99 ${ms(l.p99)} (p50 ${ms(l.p50)}), ${l.missed} missed`,
      met: l.p99 < 250 && l.missed === 0,
      before: BEFORE.live ?? '',
    })
  }
  const big = at(sizes, 20000)
  if (big?.sweepHttp) {
    const done = big.sweepHttp.doneMs
    out.push({
      target: 'Sweep at 20,000 cards (10% overdue): < 1 s',
      measured: done === null ? 'not done in 180 s' : ms(done),
      met: done !== null && done < 1000,
      before: BEFORE.sweep ?? '',
    })
  }
  for (const s of sizes.filter((x) => x.clients >= 5000)) {
    const rows = s.reads.suggestion.rowsRead
    out.push({
      target: `Suggestion, 300 members (${nf(s.clients)} cards): p95 < 20 ms, < 2,000 rows read`,
      measured:
        'skipped' in s.suggest
          ? (s.suggest.skipped ?? '')
          : `p95 ${ms(s.suggest.p95)}, ${nf(rows)} rows`,
      met: 'skipped' in s.suggest ? null : s.suggest.p95 < 20 && rows < 2000,
      before: BEFORE[`suggest ${s.clients}`] ?? '',
    })
  }
  out.push({
    target: 'Initial JS < 80 KB gzipped',
    measured: `${kb(bundle.initialJsGzip)} (+ CSS ${kb(bundle.cssGzip)})`,
    met: bundle.initialJsGzip < 80 * 1024,
    before: BEFORE.js ?? '',
  })
  for (const s of sizes) {
    const page = s.page
    if (!page || 'skipped' in page) continue
    out.push({
      target: `First card visible at ${nf(s.clients)} cards < 1 s`,
      measured: `median ${ms(page.firstCard.p50)} (max ${ms(page.firstCard.max)})`,
      met: page.firstCard.p50 < 1000,
      before: BEFORE.first ?? '',
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
