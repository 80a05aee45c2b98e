/** The run as markdown tables: printed to the terminal and, for a full run, BENCHMARKS.md. */
import type { Bundle } from './bundle'
import type { Machine } from './machine'
import type { SizeResult } from './size-run'
import { floors, liveTable, results, table } from './report-tables'
import { PEERS, verdicts } from './targets'
import { kb, ms } from './stats'

const n = (x: number) => x.toLocaleString('en')

export interface Run {
  mode: 'full' | 'quick'
  machine: Machine
  bundle: Bundle
  sizes: SizeResult[]
}

function peers(sizes: SizeResult[]): string {
  const s = sizes.find((x) => x.clients === 5000)
  if (!s) return ''
  const page = s.page && !('skipped' in s.page) ? s.page : null
  const ours = {
    board: `${n(sizes.at(-1)?.clients ?? 0)} cards served; board data p95 ${ms(sizes.at(-1)?.board.total.p95 ?? Number.NaN)}`,
    load: `5,000 cards: data p50 ${ms(s.board.total.p50)}, first card ${page ? ms(page.firstCard.p50) : '–'}`,
    move: `5,000 cards: one move ${ms(s.moves.single.p50)} p50 (server); drag frames p95 ${page ? ms(page.drag.p95) : '–'}`,
  }
  return table(
    ['Peer', 'Their reported figure', 'Ours'],
    PEERS.map((p) => [p.peer, p.figure, ours[p.ours]]),
  )
}

function plans(sizes: SizeResult[]): string {
  const s = sizes.at(-1)
  if (!s) return ''
  return s.statements
    .map(
      (x) =>
        `- \`${x.call}\`: \`${x.sql}…\` — ${x.plan.join('; ')} — ${n(x.rows)} rows, ${n(x.rowsRead)} read`,
    )
    .join('\n')
}

/** Answers that were neither 200 nor an intended 409, as the server sent them. */
function unexpected(sizes: SizeResult[]): string {
  const lines = sizes.flatMap((s) =>
    Object.entries(s.moves).flatMap(([scenario, m]) =>
      'unexpected' in m
        ? m.unexpected.map((u) => `- ${n(s.clients)} cards, ${scenario}: \`${u}\``)
        : [],
    ),
  )
  return lines.length === 0
    ? ''
    : ['', '**Unexpected answers under load:**', '', ...lines].join('\n')
}

export function render(run: Run, analysis: string): string {
  const m = run.machine
  const loads = run.sizes.flatMap((s) => Object.values(s.loads))
  const v = verdicts(run.sizes, run.bundle)
  return [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (bench/report.ts); the analysis section is bench/analysis.md. -->',
    '',
    `Run ${m.date.slice(0, 16).replace('T', ' ')} UTC · commit \`${m.commit}\`${m.uncommittedFiles ? ` (+${m.uncommittedFiles} uncommitted files)` : ''} · ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB · Node ${m.node}, wrangler ${m.wrangler}, ${m.chromium}, sqlite3 CLI ${m.sqliteCli}.`,
    `Load average during the run: ${Math.min(...loads)}–${Math.max(...loads)} on ${m.cores} cores: other engineers' test runs shared the machine, so absolute times carry that noise; every figure is a median or percentile over many requests, and the ratios to the floor are taken in the same run.`,
    '',
    '## Targets',
    '',
    table(
      ['Target', 'Measured', 'Met', 'Before issue 15'],
      v.map((x) => [
        x.target,
        x.measured,
        x.met === null ? 'n/a' : x.met ? 'yes' : '**no**',
        x.before,
      ]),
    ),
    '',
    '## Results',
    '',
    results(run.sizes),
    unexpected(run.sizes),
    '',
    `Web bundle (dist/web): initial JS ${kb(run.bundle.initialJsGzip)} gzipped (${kb(run.bundle.initialJsBrotli)} brotli, ${kb(run.bundle.initialJsRaw)} raw), CSS ${kb(run.bundle.cssGzip)} gzipped; loaded later: ${run.bundle.lazy.map((l) => `${l.file} ${kb(l.gzip)}`).join(', ') || 'nothing'}.`,
    '',
    '## The live board',
    '',
    "From the 200 of a move (one at a time, over the same session) to the change arriving on each open socket of the board: the Worker tells the board's Durable Object after answering, the object reads the change feed and fans it out.",
    '',
    liveTable(run.sizes),
    '',
    '## Against the floor',
    '',
    floors(run.sizes),
    '',
    '## Beside the peers',
    '',
    peers(run.sizes),
    '',
    '## Query plans (largest size)',
    '',
    plans(run.sizes),
    '',
    analysis.trim(),
    '',
  ].join('\n')
}
