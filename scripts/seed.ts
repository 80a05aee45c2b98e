/**
 * Fills the local D1 with the demo organisation: ~20 members, ~150 clients on the stages of
 * the journey template, and the four demo accounts. Run after the migrations:
 * `npm run migrate && npm run seed` (add `-- --persist-to <dir>` for another local state).
 * Only ever local: there is no --remote here, so a deployed database never gets demo data.
 *
 * Idempotent: rows that already exist (by id) are left exactly as they are, so running it
 * again adds nothing and changes nothing.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateNKeysBetween } from 'fractional-indexing'
import {
  demoClients,
  demoMembers,
  type DemoClient,
  type DemoMember,
  type DemoStage,
} from './demo-data'
import { DEMO_PASSWORD, DEMO_USERS, demoUserSql } from './demo-users'
import { knowledgeSeedSql } from './seed-knowledge'
import { overdueAlertSql } from './demo-alerts'
import { demoHistorySql, historyStages, seedReportSnapshots } from './demo-history'
import { kamFlagsSql } from './demo-kam-flags'
import { recordSeedSql } from './demo-record'
import { moneySeedSql } from './demo-money'
import { lit } from './sql-literal'
import { searchText } from '../worker/db/clients'
import type { LocalizedText } from '../schema/common'
import { DEFAULT_CALENDAR, slaDeadlines } from '../shared/clock'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const wrangler = join(root, 'node_modules', '.bin', 'wrangler')
const persistAt = process.argv.indexOf('--persist-to')
const persistArgs = persistAt > 0 ? ['--persist-to', process.argv[persistAt + 1] ?? ''] : []

type Row = Record<string, unknown>

/** Runs one read-only query on the local D1 and returns its rows. */
function query(sql: string): Row[] {
  const out = execFileSync(
    wrangler,
    ['d1', 'execute', 'DB', '--local', ...persistArgs, '--json', '--command', sql],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const parsed: unknown = JSON.parse(out.slice(out.indexOf('[')))
  if (!Array.isArray(parsed)) throw new Error(`Unexpected wrangler output: ${out.slice(0, 200)}`)
  const rows: Row[] = []
  for (const result of parsed as unknown[]) {
    const list = (result as { results?: unknown }).results
    if (Array.isArray(list)) rows.push(...(list as Row[]))
  }
  return rows
}

function str(row: Row, key: string): string {
  const value = row[key]
  if (typeof value !== 'string') throw new Error(`Expected a string in column ${key}`)
  return value
}

function num(row: Row, key: string): number {
  const value = row[key]
  if (typeof value !== 'number') throw new Error(`Expected a number in column ${key}`)
  return value
}

/** The id if that member exists, else NULL, so a missing row never breaks a foreign key. */
const memberRef = (id: string | null) =>
  id === null ? 'NULL' : `(SELECT id FROM members WHERE id = ${lit(id)})`

/** Managers before their reports, so every manager_id points at a row that already exists. */
function managersFirst(members: readonly DemoMember[]): DemoMember[] {
  const byId = new Map(members.map((m) => [m.id, m]))
  const depth = (m: DemoMember): number => {
    let d = 0
    for (let cur = m; cur.managerId !== null && d <= members.length; d++) {
      const next = byId.get(cur.managerId)
      if (!next) break
      cur = next
    }
    return d
  }
  return [...members].sort((a, b) => depth(a) - depth(b) || a.id.localeCompare(b.id))
}

interface SeedState {
  now: number
  existingMemberIds: ReadonlySet<string>
  existingClientIds: ReadonlySet<string>
  /** The last position key in each stage's column, to append the new cards after it. */
  lastPosition: ReadonlyMap<string, string>
  /** Inserts of the demo accounts (no-ops for accounts that exist). */
  userSql: string[]
  /** Each stage's SLA in working days. */
  slaDays: ReadonlyMap<string, number>
  /** Each stage's name and SLA, for the alerts the sweep would have sent. */
  stages: ReadonlyMap<string, { name: LocalizedText; slaDays: number; roles: { owner: string } }>
}

/** The seed as SQL: only rows missing from the DB, each insert a no-op if the row exists. */
function buildSeedSql(members: DemoMember[], clients: DemoClient[], state: SeedState): string {
  const { now } = state
  const lines: string[] = []
  const firstCreated = Math.min(now, ...clients.map((c) => c.createdAt))
  const memberCreatedAt = firstCreated - 24 * 3_600_000

  for (const m of managersFirst(members)) {
    if (state.existingMemberIds.has(m.id)) continue
    lines.push(
      'INSERT INTO members (id, name, email, grade, manager_id, capacity_override, active, ' +
        'version, created_at, updated_at) VALUES (' +
        [
          lit(m.id),
          lit(m.name),
          lit(m.email),
          lit(m.grade),
          memberRef(m.managerId),
          lit(m.capacityOverride),
          lit(m.active),
          '1',
          lit(memberCreatedAt),
          lit(memberCreatedAt),
        ].join(', ') +
        ') ON CONFLICT DO NOTHING;',
    )
    for (const roleId of m.roleIds) {
      lines.push(
        `INSERT INTO member_roles (member_id, role_id) SELECT ${lit(m.id)}, ${lit(roleId)} ` +
          `WHERE EXISTS (SELECT 1 FROM members WHERE id = ${lit(m.id)}) ` +
          `AND EXISTS (SELECT 1 FROM roles WHERE id = ${lit(roleId)}) ON CONFLICT DO NOTHING;`,
      )
    }
  }

  // Positions per stage in a stable order: the longest-waiting card on top.
  const fresh = clients.filter((c) => !state.existingClientIds.has(c.id))
  const byStage = new Map<string, DemoClient[]>()
  for (const c of fresh) byStage.set(c.stageId, [...(byStage.get(c.stageId) ?? []), c])
  const position = new Map<string, string>()
  for (const [stageId, list] of byStage) {
    list.sort((a, b) => a.enteredStageAt - b.enteredStageAt || a.id.localeCompare(b.id))
    const keys = generateNKeysBetween(state.lastPosition.get(stageId) ?? null, null, list.length)
    list.forEach((c, i) => position.set(c.id, keys[i] as string))
  }

  for (const c of fresh) {
    const updatedAt = c.enteredStageAt
    // Deadlines in working time (default calendar), and the mark the sweep would have set.
    const slaDays = state.slaDays.get(c.stageId) ?? 3
    const { dueAt, due2At } = slaDeadlines(c.enteredStageAt, slaDays, DEFAULT_CALENDAR)
    const level = due2At !== null && due2At <= now ? 2 : dueAt !== null && dueAt <= now ? 1 : 0
    lines.push(
      'INSERT INTO clients (id, name, company, search, tier, score, stage_id, position, entered_stage_at, ' +
        'version, created_at, updated_at, archived, due_at, due2_at, overdue_level) VALUES (' +
        [
          lit(c.id),
          lit(c.name),
          lit(c.company),
          lit(searchText(c.name, c.company)),
          lit(c.tier),
          lit(c.score),
          lit(c.stageId),
          lit(position.get(c.id) ?? null),
          lit(c.enteredStageAt),
          '1',
          lit(c.createdAt),
          lit(updatedAt),
          '0',
          lit(dueAt),
          lit(due2At),
          lit(level),
        ].join(', ') +
        ') ON CONFLICT DO NOTHING;',
    )
  }

  // The clients' people per role, for fresh clients whose members exist.
  for (const c of fresh) {
    for (const [roleId, memberId] of Object.entries(c.people)) {
      lines.push(
        'INSERT INTO client_people (client_id, role_id, member_id, assigned_at, reason) SELECT ' +
          [lit(c.id), lit(roleId), memberRef(memberId), lit(c.createdAt), "'demo'"].join(', ') +
          ` WHERE EXISTS (SELECT 1 FROM members WHERE id = ${lit(memberId)}) ON CONFLICT DO NOTHING;`,
      )
    }
  }

  // One "created" event per client, written only if the client has none yet.
  for (const c of clients) {
    const data = JSON.stringify({ source: 'seed' })
    lines.push(
      'INSERT INTO client_events (client_id, kind, actor_id, from_stage_id, to_stage_id, ' +
        'version, data, at) SELECT ' +
        [
          lit(c.id),
          "'created'",
          'NULL',
          'NULL',
          lit(c.stageId),
          '1',
          lit(data),
          lit(c.createdAt),
        ].join(', ') +
        ` WHERE EXISTS (SELECT 1 FROM clients WHERE id = ${lit(c.id)})` +
        ` AND NOT EXISTS (SELECT 1 FROM client_events WHERE client_id = ${lit(c.id)} AND kind = 'created');`,
    )
  }

  // What the SLA sweep would have done by now: the late cards marked, their owners and leads told.
  lines.push(...overdueAlertSql(fresh, members, state.stages, now))
  lines.push(...kamFlagsSql(fresh, now))

  lines.push(...state.userSql)
  lines.push(...recordSeedSql(clients, now))

  // A statement, never a comment, ends the file.
  return lines.join('\n') + '\n'
}

function counts(): { members: number; clients: number } {
  const [row] = query(
    'SELECT (SELECT COUNT(*) FROM members) AS members, (SELECT COUNT(*) FROM clients) AS clients',
  )
  if (!row) throw new Error('No answer to the count query')
  return { members: num(row, 'members'), clients: num(row, 'clients') }
}

async function main(): Promise<void> {
  const now = Date.now()
  const stages: (DemoStage & { name: LocalizedText })[] = query(
    'SELECT s.id, s.phase_id, s.name_ru, s.name_en, s.sla_days, s.overdue_policy, s.owner_role_id, ' +
      's.communicator_role_id, s.support_role_id ' +
      'FROM stages s JOIN phases p ON p.id = s.phase_id WHERE s.archived = 0 ' +
      'ORDER BY p.position, s.position, s.id',
  ).map((r) => ({
    id: str(r, 'id'),
    phaseId: str(r, 'phase_id'),
    name: { ru: str(r, 'name_ru'), en: str(r, 'name_en') },
    slaDays: num(r, 'sla_days'),
    overduePolicy: str(r, 'overdue_policy') === 'return' ? 'return' : 'flag',
    roles: {
      owner: str(r, 'owner_role_id'),
      communicator: str(r, 'communicator_role_id'),
      support: str(r, 'support_role_id'),
    },
  }))
  if (stages.length === 0) {
    throw new Error('No stages in the local DB: run `npm run migrate` first.')
  }

  const existing = query(
    "SELECT 'member' AS kind, id FROM members UNION ALL SELECT 'client', id FROM clients",
  )
  const last = query('SELECT stage_id, MAX(position) AS position FROM clients GROUP BY stage_id')
  const before = counts()

  const members = demoMembers()
  const clients = demoClients(now, stages, members)
  const sql = buildSeedSql(members, clients, {
    now,
    existingMemberIds: new Set(
      existing.filter((r) => r.kind === 'member').map((r) => str(r, 'id')),
    ),
    existingClientIds: new Set(
      existing.filter((r) => r.kind === 'client').map((r) => str(r, 'id')),
    ),
    lastPosition: new Map(last.map((r) => [str(r, 'stage_id'), str(r, 'position')])),
    userSql: await demoUserSql(now),
    slaDays: new Map(stages.map((st) => [st.id, st.slaDays])),
    stages: new Map(stages.map((st) => [st.id, st])),
  })

  const dir = mkdtempSync(join(tmpdir(), 'journey-seed-'))
  try {
    const file = join(dir, 'seed.sql')
    // The knowledge base goes after the accounts: its articles name demo users as authors.
    const history = demoHistorySql(historyStages(query), members, now)
    writeFileSync(file, sql + history + moneySeedSql(now) + '\n' + knowledgeSeedSql(query, now))
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
  await seedReportSnapshots(query, persistArgs, now)

  const after = counts()
  console.log(
    `Seeded the local DB: ${after.members} members (+${after.members - before.members}), ` +
      `${after.clients} clients (+${after.clients - before.clients}).`,
  )
  console.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`)
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(7)} ${u.email}`)
}

await main()
