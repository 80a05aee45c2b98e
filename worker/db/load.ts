import type { Tier } from '../../schema/clients'
import type { Grade } from '../../schema/members'
import type { LoadClient, LoadMember } from '../domain/load'
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
  owner_id: string | null
  communicator_id: string | null
  support_id: string | null
  overdue_level: number
  phase_id: string
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
}

const MEMBERS = `SELECT m.id, m.name, m.grade, m.manager_id, m.capacity_override, m.active,
  (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
  FROM members m ORDER BY m.name, m.id`

const CLIENTS = `SELECT c.id, c.name, c.company, c.tier, c.score, c.stage_id, c.version, c.owner_id,
  c.communicator_id, c.support_id, c.overdue_level, s.phase_id, s.owner_role_id,
  s.communicator_role_id, s.support_role_id
  FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.archived = 0 ORDER BY c.id`

// A member's last new client: the latest `assigned` event naming them, or the creation of a
// client they hold (a card created with its assignees has no `assigned` event).
const LAST_ASSIGNED = `SELECT member_id, MAX(at) AS at FROM (
    SELECT json_extract(data, '$.to') AS member_id, at FROM client_events WHERE kind = 'assigned'
    UNION ALL SELECT owner_id, created_at FROM clients
    UNION ALL SELECT communicator_id, created_at FROM clients
    UNION ALL SELECT support_id, created_at FROM clients)
  WHERE member_id IS NOT NULL GROUP BY member_id`

const toMember = (r: MemberRow): LoadMember => ({
  id: r.id,
  name: r.name,
  grade: r.grade,
  roleIds: r.role_ids ? r.role_ids.split(',').sort() : [],
  managerId: r.manager_id,
  capacityOverride: r.capacity_override,
  active: r.active === 1,
})

const toClient = (r: ClientRow): LiveClient => ({
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
  assignees: { owner: r.owner_id, communicator: r.communicator_id, support: r.support_id },
  overdueLevel: r.overdue_level,
})

/** Members, live clients, current and coming absences, last assignments and role names. */
export async function readLoadRows(db: D1Database, today: string): Promise<LoadRows> {
  const [members, clients, absences, last, roles] = await db.batch([
    db.prepare(MEMBERS),
    db.prepare(CLIENTS),
    db
      .prepare('SELECT * FROM member_absences WHERE to_date >= ?1 ORDER BY from_date, id')
      .bind(today),
    db.prepare(LAST_ASSIGNED),
    db.prepare('SELECT id, name_en FROM roles'),
  ])
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[]
  return {
    members: rows<MemberRow>(members).map(toMember),
    clients: rows<ClientRow>(clients).map(toClient),
    absences: rows<AbsenceRow>(absences).map(toAbsence),
    lastAssignedAt: new Map(
      rows<{ member_id: string; at: number }>(last).map((r) => [r.member_id, r.at]),
    ),
    roleNames: new Map(rows<{ id: string; name_en: string }>(roles).map((r) => [r.id, r.name_en])),
  }
}

/** Ids among `ids` that are not phases of the journey. */
export async function unknownPhases(db: D1Database, ids: string[]): Promise<string[]> {
  const { results } = await db.prepare('SELECT id FROM phases').all<{ id: string }>()
  const known = new Set(results.map((r) => r.id))
  return ids.filter((id) => !known.has(id))
}
