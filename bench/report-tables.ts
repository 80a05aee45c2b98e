/** The result tables: one row per measure, one column per organisation size. */
import type { SizeResult } from './size-run'
import { kb, ms, ratio } from './stats'

/** A markdown table. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

const n = (x: number) => x.toLocaleString('en')
const pp = (s: { p50: number; p95: number }) => `${ms(s.p50)} / ${ms(s.p95)}`
export const codesOf = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([code, count]) => `${count}× ${code}`)
    .join(', ')

/** One row per measure, one column per organisation size. */
export function results(sizes: SizeResult[]): string {
  const row = (label: string, cell: (s: SizeResult) => string) => [label, ...sizes.map(cell)]
  const moves = (m: SizeResult['moves']['different']) =>
    `${m.throughputRps}/s · ${ms(m.p50)} / ${ms(m.p99)} · ${codesOf(m.statuses)}` +
    (m.cards > 1 ? ` · ${m.cards} cards` : '') +
    (m.timeouts > 0 ? ` · ${m.timeouts} timed out` : '')
  return table(
    ['Measure', ...sizes.map((s) => `${n(s.clients)} cards`)],
    [
      row(
        'Seed: migrate + load (wrangler d1 execute)',
        (s) =>
          `${ms(s.seeded.migrateMs)} + ${ms(s.seeded.loadMs)} (${kb(s.seeded.seedSqlBytes)} SQL)`,
      ),
      row('GET /api/health (empty route) p50 / p95', (s) => pp(s.health)),
      row(
        '… through `wrangler dev` (its dev proxy in front): empty route · board data, p50 / p95 · server CPU',
        (s) =>
          s.devProxy
            ? `${pp(s.devProxy.health)} · ${pp(s.devProxy.board)} · ${ms(s.devProxy.serverCpuMs.health)} / ${ms(s.devProxy.serverCpuMs.boardLoad)}`
            : '–',
      ),
      row('GET /api/clients/:id (3 D1 reads) p50 / p95', (s) => pp(s.oneCard)),
      row('Board data: me + journey ‖ board ‖ members, p50 / p95', (s) => pp(s.board.total)),
      ...['/api/journey', '/api/board', '/api/members'].map((p) =>
        row(`… ${p} p50 / p95, bytes (gzip)`, (s) => {
          const c = s.board.perCall[p]
          return c ? `${pp(c)}, ${kb(c.bytes)} (${kb(c.gzipBytes)})` : '–'
        }),
      ),
      row(
        'D1 rows read: board by column / whole board data',
        (s) =>
          `${n(s.reads.clients.rowsRead)} / ${n(s.reads.journey.rowsRead + s.reads.clients.rowsRead + s.reads.members.rowsRead)}`,
      ),
      row('Move, 1 connection: rate · p50 / p99 · answers', (s) => moves(s.moves.single)),
      row(`Moves, ${sizes[0]?.moves.different.connections ?? 50} conn., different cards`, (s) =>
        moves(s.moves.different),
      ),
      row(
        '… the same load right after on a Worker that makes only the two round trips (the floor)',
        // Runs before the tenth round of issue 15 had no floor Worker.
        (s) => (s.moves.floor ? moves(s.moves.floor) : '–'),
      ),
      row(
        `… the same, each move with a fresh Idempotency-Key (an API client; the board sends none)`,
        // Runs before the eighth round of issue 15 sent a key with every move and have no such load.
        (s) => (s.moves.keyed ? moves(s.moves.keyed) : '–'),
      ),
      row(`Moves, ${sizes[0]?.moves.same.connections ?? 50} conn., one card`, (s) =>
        moves(s.moves.same),
      ),
      row('… the same load right after on the floor Worker', (s) =>
        s.moves.floorSame ? moves(s.moves.floorSame) : '–',
      ),
      row(
        'Server CPU (workerd): empty route / board load / move (1 · 50 · 50 keyed · one card)',
        (s) => {
          const c = s.serverCpuMs
          const keyed = c.moveKeyed === undefined ? '–' : ms(c.moveKeyed)
          return `${ms(c.health)} / ${ms(c.boardLoad)} / ${ms(c.moveSingle)} · ${ms(c.moveDifferent)} · ${keyed} · ${ms(c.moveSame)}`
        },
      ),
      row('History after the moves (versions checked; lost / twice)', (s) => {
        const h = s.moves.history
        return `${h.ok ? 'ok' : 'FAILED'}: ${n(h.versionsChecked)} versions of ${h.cards} cards; ${h.lost.length} / ${h.duplicated.length + h.disputed.length}`
      }),
      row('Assignment suggestion p50 / p95 · D1 rows read / SQL', (s) =>
        'skipped' in s.suggest
          ? `skipped: ${s.suggest.skipped}`
          : `${pp(s.suggest)} · ${n(s.reads.suggestion.rowsRead)} / ${ms(s.reads.suggestion.d1DurationMs)}`,
      ),
      row('SLA sweep, overdue cards: wall (polled) · flagged / returned', (s) => {
        const w = s.sweepHttp
        return w
          ? `${n(w.pendingBefore)}: ${w.doneMs === null ? 'not done' : ms(w.doneMs)} · ${n(w.flagged)} / ${n(w.returned)}`
          : '–'
      }),
      row('… D1: statements / batches / rows read / written', (s) => {
        const f = s.sweepSql?.first
        return f
          ? `${n(f.statements)} / ${n(f.batches)} / ${n(f.rowsRead)} / ${n(f.rowsWritten)}`
          : '–'
      }),
      row('… idle sweep (nothing due): rows read', (s) =>
        s.sweepSql ? n(s.sweepSql.idle.rowsRead) : '–',
      ),
      row('Board page: first card p50 / max', (s) =>
        s.page && !('skipped' in s.page)
          ? `${ms(s.page.firstCard.p50)} / ${ms(s.page.firstCard.max)}`
          : '–',
      ),
      row('… interactive p50 · longest task', (s) =>
        s.page && !('skipped' in s.page)
          ? `${ms(s.page.interactive.p50)} · ${ms(s.page.longTasksMax)}`
          : '–',
      ),
      row('… frames while dragging p50 / p95 / max (> 34 ms)', (s) => {
        const d = s.page && !('skipped' in s.page) ? s.page.drag : null
        return d ? `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.max)} (${d.over34ms} of ${d.frames})` : '–'
      }),
      row(
        'Peak RSS, the server process tree (sum of VmHWM)',
        (s) =>
          `${n(s.memory.reduce((a, p) => a + p.peakRssMb, 0))} MB (${s.memory.map((p) => `${p.name} ${p.peakRssMb}`).join(', ')})`,
      ),
    ],
  )
}

/** The Worker against SQLite on the same file, and against an empty route. */
export function floors(sizes: SizeResult[]): string {
  const row = (label: string, cell: (s: SizeResult) => string) => [label, ...sizes.map(cell)]
  const floorOf = (s: SizeResult, call?: string) =>
    s.statements
      .filter((x) => call === undefined || x.call === call)
      .reduce((a, x) => a + x.floor.cpuMs, 0)
  return table(
    ['Floor comparison', ...sizes.map((s) => `${n(s.clients)} cards`)],
    [
      row('Cards query: HTTP p50 · D1 SQL · SQLite CPU · HTTP÷SQLite', (s) => {
        const http = s.board.perCall['/api/board']?.p50 ?? Number.NaN
        return `${ms(http)} · ${ms(s.reads.clients.d1DurationMs)} · ${ms(floorOf(s, 'clients'))} · ×${ratio(http, floorOf(s, 'clients'))}`
      }),
      row(
        'Board data p50 ÷ its five statements on SQLite',
        (s) =>
          `${ms(s.board.total.p50)} ÷ ${ms(floorOf(s))} = ×${ratio(s.board.total.p50, floorOf(s))}`,
      ),
      row(
        `Moves, ${sizes[0]?.moves.different.connections ?? 50} conn., different cards: ours ÷ the floor Worker: rate · p99 · server CPU a move`,
        (s) => {
          const f = s.moves.floor
          const ours = s.moves.different
          const cpu = s.serverCpuMs
          return f && cpu.moveFloor !== undefined
            ? `${ours.throughputRps} ÷ ${f.throughputRps}/s = ×${ratio(ours.throughputRps, f.throughputRps)} · ${ms(ours.p99)} ÷ ${ms(f.p99)} · ${ms(cpu.moveDifferent)} ÷ ${ms(cpu.moveFloor)} = ×${ratio(cpu.moveDifferent, cpu.moveFloor)}`
            : '–'
        },
      ),
      row(
        'Move (1 conn.) p50 ÷ empty route p50',
        (s) => `×${ratio(s.moves.single.p50, s.health.p50)}`,
      ),
      row('Sweep wall ÷ its statements replayed on SQLite (CPU)', (s) => {
        const w = s.sweepHttp?.doneMs
        const f = s.sweepSql?.floor
        return w && f
          ? `${ms(w)} ÷ ${ms(f.cpuMs)} = ×${ratio(w, f.cpuMs)} (${n(f.runs)} statements)`
          : '–'
      }),
    ],
  )
}

/** The live board: a move's 200 to its arrival on every open socket. */
export function liveTable(sizes: SizeResult[]): string {
  const runs = sizes.flatMap((s) => s.live.map((l) => ({ cards: s.clients, ...l })))
  if (runs.length === 0) return ''
  return table(
    ['Open sockets', 'Moves', 'Arrivals (missed)', 'p50', 'p99', 'max', 'Opening the sockets'],
    runs.map((l) => [
      `${n(l.sockets)} (${n(l.cards)} cards)`,
      n(l.moves),
      `${n(l.deliveries)} (${n(l.missed)})`,
      ms(l.p50),
      ms(l.p99),
      ms(l.max),
      ms(l.connectMs),
    ]),
  )
}
