import type { Tier } from '../../schema/clients'
import type { Grade } from '../../schema/members'
import type { LoadClient, LoadMember } from '../domain/load'
import { roleParts, type RoleParts } from '../domain/people'
import { toAbsence, type AbsenceRow } from './absences'
import type { Absence } from '../../schema/team'

/** A live client with what notifications and writes need besides the load model. */
export interface LiveClient extends LoadClient {
  name: string
  company: string
  score: number | null
  stageId: string
  version: number
}

/** Everything the load model reads, taken in one batch so it is one consistent moment. */
export interface LoadRows {
  members: LoadMember[]
  clients: LiveClient[]
  /** Absences that end today or later. */
  absences: Absence[]
  lastAssignedAt: Map<string, number>
  /** Journey role id → English name. */
  roleNames: Map<string, string>
  /** Journey role id → Russian name (notifications are written in Russian). */
  roleNamesRu: Map<string, string>
  /** Per phase, the part each role plays. */
  roleParts: RoleParts
}

interface MemberRow {
  id: string
  name: string
  grade: Grade
  manager_id: string | null
  capacity_override: number | null
  active: number
  role_ids: string | null
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

const MEMBERS = `SELECT m.id, m.name, m.grade, m.manager_id, m.capacity_override, m.active,
  (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
  FROM members m ORDER BY m.name, m.id`

const CLIENTS = `SELECT c.id, c.name, c.company, c.tier, c.score, c.stage_id, c.version,
  c.overdue_level, s.phase_id, s.owner_role_id, s.communicator_role_id, s.support_role_id,
  (SELECT json_group_object(role_id, member_id) FROM client_people WHERE client_id = c.id) AS people
  FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.archived = 0 ORDER BY c.id`

// A member's last new client: when they last took a role on one (every path that sets a person
// stamps assigned_at).
const LAST_ASSIGNED = `SELECT member_id, MAX(assigned_at) AS at FROM client_people GROUP BY member_id`

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

/** Members, live clients, absences, last assignments, role names and the parts roles play. */
export async function readLoadRows(db: D1Database, today: string): Promise<LoadRows> {
  const [members, clients, absences, last, roles, stages] = await db.batch([
    db.prepare(MEMBERS),
    db.prepare(CLIENTS),
    db
      .prepare('SELECT * FROM member_absences WHERE to_date >= ?1 ORDER BY from_date, id')
      .bind(today),
    db.prepare(LAST_ASSIGNED),
    db.prepare('SELECT id, name_en, name_ru FROM roles ORDER BY position, id'),
    db.prepare(STAGES),
  ])
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[]
  const roleRows = rows<{ id: string; name_en: string; name_ru: string }>(roles)
  const parts = roleParts(
    rows<StageRow>(stages).map((r) => ({
      phaseId: r.phase_id,
      roles: {
        owner: r.owner_role_id,
        communicator: r.communicator_role_id,
        support: r.support_role_id,
      },
    })),
  )
  return {
    members: rows<MemberRow>(members).map(toMember),
    clients: rows<ClientRow>(clients).map((r) => toClient(r, parts)),
    absences: rows<AbsenceRow>(absences).map(toAbsence),
    lastAssignedAt: new Map(
      rows<{ member_id: string; at: number }>(last).map((r) => [r.member_id, r.at]),
    ),
    roleNames: new Map(roleRows.map((r) => [r.id, r.name_en])),
    roleNamesRu: new Map(roleRows.map((r) => [r.id, r.name_ru])),
    roleParts: parts,
  }
}

/** Ids among `ids` that are not phases of the journey. */
export async function unknownPhases(db: D1Database, ids: string[]): Promise<string[]> {
  const { results } = await db.prepare('SELECT id FROM phases').all<{ id: string }>()
  const known = new Set(results.map((r) => r.id))
  return ids.filter((id) => !known.has(id))
}
