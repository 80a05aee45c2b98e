import type { AlertMember } from '../domain/team'
import { jsonRowsSql } from './json-rows'

type MemberRow = { id: string; manager_id: string | null; active: number; role_ids: string | null }
type AdminRow = { member_id: string }
type RoleRow = { id: string; name_ru: string; name_en: string }

/** Members with manager and roles, those `where` keeps. */
const membersSql = (where: string) =>
  `SELECT m.id, m.manager_id, m.active,
     (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
   FROM members m ${where}`
const MEMBER_COLUMNS = ['id', 'manager_id', 'active', 'role_ids']
const ADMINS_SQL = `SELECT DISTINCT member_id FROM users
  WHERE access_role = 'admin' AND active = 1 AND member_id IS NOT NULL ORDER BY member_id`
const ROLES_SQL = 'SELECT id, name_ru, name_en FROM roles'

function orgOf(members: MemberRow[], admins: AdminRow[], roles: RoleRow[]) {
  return {
    members: members.map((r): AlertMember => ({
      id: r.id,
      managerId: r.manager_id,
      active: r.active === 1,
      roleIds: r.role_ids ? r.role_ids.split(',') : [],
    })),
    admins: admins.map((r) => r.member_id),
    roleNames: new Map(roles.map((r) => [r.id, { ru: r.name_ru, en: r.name_en }])),
  }
}

export type AlertOrg = ReturnType<typeof orgOf>

/**
 * Who alerts may go to (members with manager and roles, the admins' members), role names. With
 * `roleIds`, only the members who play one of them: enough to find a role's lead (`leadForRole`)
 * when the alert is about a role nobody holds on the card, for a fraction of the rows.
 */
export async function alertOrg(db: D1Database, roleIds: readonly string[] | null = null) {
  const [members, admins, roles] = await db.batch([
    db
      .prepare(
        membersSql(`WHERE ?1 IS NULL OR m.id IN (SELECT member_id FROM member_roles
           WHERE role_id IN (SELECT value FROM json_each(?1)))`),
      )
      .bind(roleIds && JSON.stringify(roleIds)),
    db.prepare(ADMINS_SQL),
    db.prepare(ROLES_SQL),
  ])
  const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[]
  return orgOf(rows<MemberRow>(members), rows<AdminRow>(admins), rows<RoleRow>(roles))
}

/**
 * `alertOrg` for the roles card ?2 would arrive at stage ?1 without (its owner or communicator
 * role holds nobody on the card: `unstaffedRoles` in SQL, over the same snapshot the move plans
 * from), as one row of JSON texts for a move's read batch; no row when both are held (most
 * arrivals) or the card stays in its stage (a reorder enters nothing), so that costs a few index
 * reads instead of a round trip.
 */
export const arrivalOrgQuery = (db: D1Database, clientId: string, stageId: string) =>
  db
    .prepare(
      `WITH target(role_id) AS (
         SELECT owner_role_id FROM stages WHERE id = ?1
         UNION SELECT communicator_role_id FROM stages WHERE id = ?1),
       missing(role_id) AS (
         SELECT role_id FROM target t WHERE NOT EXISTS
           (SELECT 1 FROM client_people p WHERE p.client_id = ?2 AND p.role_id = t.role_id))
       SELECT
         (${jsonRowsSql(
           membersSql(`WHERE m.id IN (SELECT member_id FROM member_roles
             WHERE role_id IN (SELECT role_id FROM missing))`),
           MEMBER_COLUMNS,
         )}) AS members,
         (${jsonRowsSql(ADMINS_SQL, ['member_id'])}) AS admins,
         (${jsonRowsSql(ROLES_SQL, ['id', 'name_ru', 'name_en'])}) AS roles
       WHERE EXISTS (SELECT 1 FROM missing)
         AND (SELECT stage_id FROM clients WHERE id = ?2) IS NOT ?1`,
    )
    .bind(stageId, clientId)

/** The org in a batch result of `arrivalOrgQuery`; null when the card arrives fully staffed. */
export function arrivalOrgFrom(result: D1Result | undefined): AlertOrg | null {
  const row = result?.results?.[0] as { members: string; admins: string; roles: string } | undefined
  if (!row) return null
  return orgOf(
    JSON.parse(row.members) as MemberRow[],
    JSON.parse(row.admins) as AdminRow[],
    JSON.parse(row.roles) as RoleRow[],
  )
}
