/**
 * Six months of past clients for the reports: ~280 cards that came in through acquisition since
 * then and went along the journey — dwelling about their stage's SLA in working time, now and then
 * sent back a stage, some lost on the way — and are archived now, so the board is unchanged while
 * the flow, time in stage, SLA and funnel reports have history to show. Deterministic (fixed-seed
 * PRNG; times relative to `now`) and idempotent: client rows are insert-if-missing and each event
 * is written only if the client has none at its version.
 *
 * After the seed runs, `seedReportSnapshots` fills the snapshot tables the way the morning job
 * would (the same code, through wrangler), so the reports have charts at once.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { searchText } from '../worker/db/clients'
import type { Sql, SqlRunner } from '../worker/db/sql-runner'
import { addWorkingMs, DEFAULT_CALENDAR, type Calendar } from '../shared/clock'
import { writeReportSnapshots } from '../worker/services/report-snapshots'
import { mulberry32, pick, type DemoMember, type Rng } from './demo-data'
import { lit } from './sql-literal'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const PAST_CLIENTS = 280
const MONTHS_DAYS = 182

/** A stage of the template in journey order, with what the history needs. */
export interface HistoryStage {
  id: string
  phaseId: string
  slaDays: number
  roles: string[]
}

/** The template's live stages in journey order, read from the local database. */
export function historyStages(query: (sql: string) => Record<string, unknown>[]): HistoryStage[] {
  return query(
    'SELECT s.id, s.phase_id, s.sla_days, s.owner_role_id, s.communicator_role_id, ' +
      's.support_role_id FROM stages s JOIN phases p ON p.id = s.phase_id ' +
      'WHERE s.archived = 0 ORDER BY p.position, s.position',
  ).map((r) => ({
    id: String(r.id),
    phaseId: String(r.phase_id),
    slaDays: Number(r.sla_days),
    roles: [String(r.owner_role_id), String(r.communicator_role_id), String(r.support_role_id)],
  }))
}

/** Renewal leads back into account care; churn steps are taken only by churning cards. */
const NEXT: Record<string, string> = { 'renewal-signed': 'regular-check-in' }
const CHURN = new Set(['churn-risk', 'churned-win-back'])
const LOSS: Record<string, number> = { acquisition: 0.07, sale: 0.06 }

const COMPANY_FORMS = ['ООО', 'АО', 'ПАО', 'ИП']
const WORDS = ['Вектор', 'Север', 'Гранит', 'Орбита', 'Лидер', 'Меридиан', 'Сигма', 'Альтаир']

type Event = [kind: string, from: string | null, to: string | null, at: number]

/** A stay of about the SLA: log-normal around 0.65 × SLA, so most visits are on time. */
function dwell(rng: Rng, slaDays: number) {
  const normal = (rng() + rng() + rng() - 1.5) * 2
  return Math.max(0.1, slaDays * Math.exp(normal * 0.6 - 0.45)) * 9 * HOUR
}

function journey(rng: Rng, stages: readonly HistoryStage[], start: number, end: number): Event[] {
  const cal = DEFAULT_CALENDAR
  const index = new Map(stages.map((s, i) => [s.id, i]))
  const first = stages[0]
  if (!first) return []
  let at = addWorkingMs(start, 0, cal) ?? start
  let i = 0
  const events: Event[] = [['created', null, first.id, at]]
  while (events.length < 60) {
    const stage = stages[i]
    if (!stage) break
    const next = addWorkingMs(at, dwell(rng, stage.slaDays), cal)
    if (next === null || next > end) break
    at = next
    if (rng() < (LOSS[stage.phaseId] ?? 0.01)) {
      events.push(['archived', null, null, at])
      return events
    }
    const back = i > 0 && rng() < 0.07 ? stages[i - 1] : undefined
    let to = back ?? stages[index.get(NEXT[stage.id] ?? '') ?? i + 1]
    while (to && CHURN.has(to.id) && !back) to = stages[(index.get(to.id) ?? 0) + 1]
    if (!to) break
    events.push([back ? (rng() < 0.5 ? 'returned' : 'moved') : 'moved', stage.id, to.id, at])
    i = index.get(to.id) ?? i
  }
  events.push(['archived', null, null, end])
  return events
}

/** The past clients as SQL: rows, people per role, and their events, each only if missing. */
export function demoHistorySql(
  stages: readonly HistoryStage[],
  members: readonly DemoMember[],
  now: number,
): string {
  const rng = mulberry32(0x1919_2026)
  const lines: string[] = []
  for (let n = 1; n <= PAST_CLIENTS; n += 1) {
    const id = `h-${String(n).padStart(3, '0')}`
    const tier = rng() < 0.15 ? 'A' : rng() < 0.45 ? 'B' : 'C'
    const start = now - MONTHS_DAYS * DAY + rng() * (MONTHS_DAYS - 7) * DAY
    const events = journey(rng, stages, start, now - HOUR)
    const lastStage = [...events].reverse().find((e) => e[2] !== null)
    const created = events[0]?.[3] ?? start
    const company = `${pick(rng, COMPANY_FORMS)} «${pick(rng, WORDS)}-${n}»`
    lines.push(
      'INSERT INTO clients (id, name, company, search, tier, stage_id, position, entered_stage_at, ' +
        'version, created_at, updated_at, archived) VALUES (' +
        [id, company, company, searchText(company, company), tier, lastStage?.[2] ?? 'inbound-lead']
          .map(lit)
          .join(', ') +
        `, 'a0', ${lit(lastStage?.[3] ?? created)}, ${events.length}, ${lit(created)}, ` +
        `${lit(events.at(-1)?.[3] ?? created)}, 1) ON CONFLICT DO NOTHING;`,
    )
    const roles = new Set(stages.flatMap((s) => s.roles))
    for (const role of roles) {
      const able = members.filter((m) => m.active && m.roleIds.includes(role))
      if (able.length === 0) continue
      const who = lit(pick(rng, able).id)
      lines.push(
        'INSERT INTO client_people (client_id, role_id, member_id, assigned_at, reason) SELECT ' +
          `${lit(id)}, ${lit(role)}, ${who}, ${lit(created)}, 'demo history' ` +
          `WHERE EXISTS (SELECT 1 FROM members WHERE id = ${who}) ON CONFLICT DO NOTHING;`,
      )
    }
    events.forEach(([kind, from, to, at], v) => {
      lines.push(
        'INSERT INTO client_events (client_id, kind, from_stage_id, to_stage_id, version, data, at) ' +
          `SELECT ${[id, kind, from, to, v + 1, '{"source":"seed"}', at].map(lit).join(', ')} ` +
          `WHERE NOT EXISTS (SELECT 1 FROM client_events WHERE client_id = ${lit(id)} AND version = ${v + 1});`,
      )
    })
  }
  return `${lines.join('\n')}\n`
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const wrangler = join(root, 'node_modules', '.bin', 'wrangler')

/** `?N` parameters written in as literals: wrangler's --command takes no bindings. */
const inline = (q: Sql) =>
  q.sql.replace(/\?(\d+)/g, (_, n: string) =>
    lit(q.params[Number(n) - 1] as string | number | null),
  )

/**
 * Fills the report snapshots as the morning job would, with the job's own code, reading and
 * writing the local database through wrangler.
 */
export async function seedReportSnapshots(
  query: (sql: string) => Record<string, unknown>[],
  persistArgs: string[],
  now: number,
) {
  const runner: SqlRunner = {
    all: async <T>(q: Sql) => query(inline(q)) as T[],
    batch: async (statements: Sql[]) => {
      if (statements.length === 0) return
      const dir = mkdtempSync(join(tmpdir(), 'journey-snapshots-'))
      try {
        const file = join(dir, 'snapshots.sql')
        writeFileSync(file, `${statements.map((s) => `${inline(s)};`).join('\n')}\n`)
        execFileSync(
          wrangler,
          ['d1', 'execute', 'DB', '--local', ...persistArgs, '--yes', '--file', file],
          {
            cwd: root,
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
  const [row] = query("SELECT value FROM settings WHERE key = 'calendar'")
  const calendar: Calendar =
    typeof row?.value === 'string' ? (JSON.parse(row.value) as Calendar) : DEFAULT_CALENDAR
  return writeReportSnapshots(runner, calendar, now)
}
