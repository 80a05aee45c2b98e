import { searchText } from '../worker/db/clients'
import type { BenchClient, BenchMember } from './org'

type Value = string | number | boolean | null

/** A SQL literal: strings single-quoted with quotes doubled. */
export function lit(value: Value): string {
  if (value === null) return 'NULL'
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`)
    return String(value)
  }
  return `'${value.replaceAll("'", "''")}'`
}

/**
 * Bytes per multi-row insert. D1 caps a statement at 100,000 bytes, but wrangler's SQL splitter
 * runs a regular expression over the statement so far at every character (quadratic in its
 * length): 90 KB statements load 5,000 cards in ~30 s, small ones in a fraction of that.
 */
const MAX_STATEMENT = 8_000

/** `INSERT INTO table (columns) VALUES (…), (…);` statements of at most MAX_STATEMENT bytes. */
export function inserts(table: string, columns: string[], rows: Value[][]): string[] {
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES\n`
  const out: string[] = []
  let chunk: string[] = []
  let size = head.length
  for (const row of rows) {
    const tuple = `(${row.map(lit).join(', ')})`
    const bytes = Buffer.byteLength(tuple) + 2
    if (chunk.length > 0 && size + bytes > MAX_STATEMENT) {
      out.push(`${head}${chunk.join(',\n')};`)
      chunk = []
      size = head.length
    }
    chunk.push(tuple)
    size += bytes
  }
  if (chunk.length > 0) out.push(`${head}${chunk.join(',\n')};`)
  return out
}

/** Positions per column, in column order: the longest-waiting card on top. */
export function positions(clients: readonly BenchClient[], keys: (n: number) => string[]) {
  const byStage = new Map<string, BenchClient[]>()
  for (const c of clients) byStage.set(c.stageId, [...(byStage.get(c.stageId) ?? []), c])
  const out = new Map<string, string>()
  for (const list of byStage.values()) {
    list.sort((a, b) => a.enteredStageAt - b.enteredStageAt || a.id.localeCompare(b.id))
    const k = keys(list.length)
    list.forEach((c, i) => out.set(c.id, k[i] ?? ''))
  }
  return out
}

/** The organisation as SQL statements: members (managers first), roles, cards and their events. */
export function orgSql(
  members: readonly BenchMember[],
  clients: readonly BenchClient[],
  position: ReadonlyMap<string, string>,
  now: number,
): string[] {
  const firstCreated = clients.reduce((min, c) => Math.min(min, c.createdAt), now) - 24 * 3_600_000
  const depth = (m: BenchMember) => (m.managerId === null ? 0 : m.grade === 'lead' ? 1 : 2)
  const ordered = [...members].sort((a, b) => depth(a) - depth(b))
  return [
    ...inserts(
      'members',
      [
        'id',
        'name',
        'email',
        'grade',
        'manager_id',
        'active',
        'version',
        'created_at',
        'updated_at',
      ],
      ordered.map((m) => [
        m.id,
        m.name,
        `${m.id}@bench.local`,
        m.grade,
        m.managerId,
        m.active,
        1,
        firstCreated,
        firstCreated,
      ]),
    ),
    ...inserts(
      'member_roles',
      ['member_id', 'role_id'],
      members.flatMap((m) => m.roleIds.map((role) => [m.id, role])),
    ),
    ...inserts(
      'clients',
      [
        'id',
        'name',
        'company',
        'search',
        'tier',
        'score',
        'stage_id',
        'position',
        'entered_stage_at',
        'version',
        'created_at',
        'updated_at',
        'archived',
        'due_at',
        'due2_at',
        'overdue_level',
      ],
      clients.map((c) => [
        c.id,
        c.name,
        c.company,
        searchText(c.name, c.company),
        c.tier,
        c.score,
        c.stageId,
        position.get(c.id) ?? null,
        c.enteredStageAt,
        1,
        c.createdAt,
        c.enteredStageAt,
        0,
        c.dueAt,
        c.due2At,
        0,
      ]),
    ),
    ...inserts(
      'client_people',
      ['client_id', 'role_id', 'member_id', 'assigned_at'],
      clients.flatMap((c) =>
        Object.entries(c.people).map(([role, member]) => [c.id, role, member, c.createdAt]),
      ),
    ),
    ...inserts(
      'client_events',
      ['client_id', 'kind', 'actor_id', 'from_stage_id', 'to_stage_id', 'version', 'data', 'at'],
      clients.map((c) => [
        c.id,
        'created',
        null,
        null,
        c.stageId,
        1,
        '{"source":"bench"}',
        c.createdAt,
      ]),
    ),
  ]
}
