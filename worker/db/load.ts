import type { Tier } from '../../schema/clients'
import type { Grade } from '../../schema/members'
import type { LoadClient, LoadMember, RoleCounts } from '../domain/load'
import { roleParts, type RoleParts } from '../domain/people'
import { toAbsence, type AbsenceRow } from './absences'
import type { Absence } from '../../schema/team'
import { jsonCellOf, jsonRowsOf, jsonRowsSql } from './json-rows'

/** A live client with what notifications and writes need besides the load model. */
export interface LiveClient extends LoadClient {
  name: string
  company: string
  score: number | null
  stageId: string
  version: number
}

/** What ranking people for a role reads: rows per member and per role, none per client. */
export interface TeamRows {
  members: LoadMember[]
  /** Absences that end on the date the read was given or later. */
  absences: Absence[]
  lastAssignedAt: Map<string, number>
  /** Journey role id → English name. */
  roleNames: Map<string, string>
  /** Journey role id → Russian name (notifications are written in Russian). */
  roleNamesRu: Map<string, string>
  /** Per phase, the part each role plays. */
  roleParts: RoleParts
}

/** The team rows with the per-member counts the triggers of 0020 keep. */
export interface SuggestRows extends TeamRows {
  roleCounts: RoleCounts[]
  /** Per member, the live overdue clients they act on at the current stage. */
  overdue: Map<string, number>
  /** The results of the caller's own statements sent in the same batch, in their order. */
  also: (D1Result | undefined)[]
}

/** Everything the load model reads, taken in one batch so it is one consistent moment. */
export interface LoadRows extends TeamRows {
  clients: LiveClient[]
}

interface MemberRow {
  id: string
  name: string
  grade: Grade
  manager_id: string | null
  capacity_override: number | null
  active: number
  role_ids: string | null
  last_assigned_at: number | null
}

interface ClientRow {
  id: string
  name: string
  company: string
  tier: Tier
  score: number | null
  stage_id: string
  version: number
  people: string | null
  overdue_level: number
  phase_id: string
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
}

const MEMBER_COLUMNS = [
  'id',
  'name',
  'grade',
  'manager_id',
  'capacity_override',
  'active',
  'last_assigned_at',
  'role_ids',
] as const satisfies readonly (keyof MemberRow)[]

const MEMBERS = jsonRowsSql(
  `SELECT m.id, m.name, m.grade, m.manager_id, m.capacity_override, m.active,
  m.last_assigned_at, (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
  FROM members m ORDER BY m.name, m.id`,
  MEMBER_COLUMNS,
)

const CLIENTS = `SELECT c.id, c.name, c.company, c.tier, c.score, c.stage_id, c.version,
  c.overdue_level, s.phase_id, s.owner_role_id, s.communicator_role_id, s.support_role_id,
  (SELECT json_group_object(role_id, member_id) FROM client_people WHERE client_id = c.id) AS people
  FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.archived = 0`

const STAGES = `SELECT phase_id, owner_role_id, communicator_role_id, support_role_id FROM stages
  WHERE archived = 0`

const toMember = (r: MemberRow): LoadMember => ({
  id: r.id,
  name: r.name,
  grade: r.grade,
  roleIds: r.role_ids ? r.role_ids.split(',').sort() : [],
  managerId: r.manager_id,
  capacityOverride: r.capacity_override,
  active: r.active === 1,
})

interface StageRow {
  phase_id: string
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
}

const toClient = (r: ClientRow, parts: RoleParts): LiveClient => ({
  id: r.id,
  name: r.name,
  company: r.company,
  tier: r.tier,
  score: r.score,
  stageId: r.stage_id,
  version: r.version,
  phaseId: r.phase_id,
  slotRoles: {
    owner: r.owner_role_id,
    communicator: r.communicator_role_id,
    support: r.support_role_id,
  },
  people: r.people ? (JSON.parse(r.people) as Record<string, string>) : {},
  parts: parts.get(r.phase_id) ?? new Map(),
  overdueLevel: r.overdue_level,
})

const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[]

/** The statements of the team rows, in the order `teamRows` reads their results. */
const teamStatements = (db: D1Database, since: string) => [
  db.prepare(MEMBERS),
  db
    .prepare('SELECT * FROM member_absences WHERE to_date >= ?1 ORDER BY from_date, id')
    .bind(since),
  db.prepare('SELECT id, name_en, name_ru FROM roles ORDER BY position, id'),
  db.prepare(STAGES),
]

function teamRows([members, absences, roles, stages]: (D1Result | undefined)[]): TeamRows {
  const roleRows = rows<{ id: string; name_en: string; name_ru: string }>(roles)
  const memberRows = jsonRowsOf<MemberRow>(members)
  return {
    members: memberRows.map(toMember),
    absences: rows<AbsenceRow>(absences).map(toAbsence),
    lastAssignedAt: new Map(
      memberRows.flatMap((r) => (r.last_assigned_at === null ? [] : [[r.id, r.last_assigned_at]])),
    ),
    roleNames: new Map(roleRows.map((r) => [r.id, r.name_en])),
    roleNamesRu: new Map(roleRows.map((r) => [r.id, r.name_ru])),
    roleParts: roleParts(
      rows<StageRow>(stages).map((r) => ({
        phaseId: r.phase_id,
        roles: {
          owner: r.owner_role_id,
          communicator: r.communicator_role_id,
          support: r.support_role_id,
        },
      })),
    ),
  }
}

/** Members, live clients, absences, last assignments, role names and the parts roles play. */
export async function readLoadRows(db: D1Database, today: string): Promise<LoadRows> {
  const [clients, ...team] = await db.batch([
    db.prepare(`${CLIENTS} ORDER BY c.id`),
    ...teamStatements(db, today),
  ])
  const base = teamRows(team)
  return { ...base, clients: rows<ClientRow>(clients).map((r) => toClient(r, base.roleParts)) }
}

type CountKey = { tier: Tier; phaseId: string } | null

/**
 * The "<tier> <phase>" keys of `member_loads.counts` (see 0020), read out of every member's
 * counts: the same few dozen keys, so each is split once per snapshot (`keys`).
 */
function toCounts(counts: Record<string, number>, keys: Map<string, CountKey>) {
  const out: { tier: Tier; phaseId: string; clients: number }[] = []
  for (const key in counts) {
    let parsed = keys.get(key)
    if (parsed === undefined) {
      const [tier, phaseId] = key.split(' ')
      parsed = tier && phaseId ? { tier: tier as Tier, phaseId } : null
      keys.set(key, parsed)
    }
    if (parsed) out.push({ tier: parsed.tier, phaseId: parsed.phaseId, clients: counts[key] ?? 0 })
  }
  return out
}

/**
 * The team rows and the per-member counts of their clients, without reading any client: what a
 * suggestion needs, in rows that grow with the members. `also` go out in the same batch (one
 * round trip, one consistent moment); absences are those ending on `since` or later.
 */
export async function readSuggestRows(
  db: D1Database,
  since: string,
  also: D1PreparedStatement[] = [],
): Promise<SuggestRows> {
  const team = teamStatements(db, since)
  const results = await db.batch([
    // json(counts) inside json_object: each member's counts arrive as an object, not a text to
    // parse again (a JSON subtype would not survive a subquery, so no jsonRowsSql here). One-letter
    // names: the text is parsed twice (D1's answer, then the cell) on every suggestion.
    db.prepare(`SELECT json_group_array(json_object('m', member_id, 'r', role_id,
      'c', json(counts))) AS rows FROM member_loads`),
    // One JSON text, not a row per member (see json-rows.ts).
    db.prepare(`SELECT json_group_object(member_id, cards) AS rows FROM member_overdue
      WHERE cards > 0`),
    ...team,
    ...also,
  ])
  const [counts, overdue] = results
  const keys = new Map<string, CountKey>()
  return {
    ...teamRows(results.slice(2, 2 + team.length)),
    roleCounts: jsonRowsOf<{ m: string; r: string; c: Record<string, number> }>(counts).map(
      (row) => ({ memberId: row.m, roleId: row.r, counts: toCounts(row.c, keys) }),
    ),
    overdue: new Map(Object.entries(jsonCellOf<Record<string, number>>(overdue) ?? {})),
    also: results.slice(2 + team.length),
  }
}

/** The read of one live client as the load model sees it, to batch with other reads. */
export const liveClientQuery = (db: D1Database, id: string) =>
  db.prepare(`${CLIENTS} AND c.id = ?1`).bind(id)

/** The client in a result of `liveClientQuery`, or null when it is archived or missing. */
export function liveClientFrom(result: D1Result | undefined, parts: RoleParts): LiveClient | null {
  const row = (result?.results ?? [])[0] as ClientRow | undefined
  return row ? toClient(row, parts) : null
}

/** Ids among `ids` that are not phases of the journey. */
export async function unknownPhases(db: D1Database, ids: string[]): Promise<string[]> {
  const { results } = await db.prepare('SELECT id FROM phases').all<{ id: string }>()
  const known = new Set(results.map((r) => r.id))
  return ids.filter((id) => !known.has(id))
}
