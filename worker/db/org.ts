import type { AlertMember } from '../domain/team'

/**
 * Who alerts may go to (members with manager and roles, the admins' members), role names. With
 * `roleIds`, only the members who play one of them: enough to find a role's lead (`leadForRole`)
 * when the alert is about a role nobody holds on the card, for a fraction of the rows.
 */
export async function alertOrg(db: D1Database, roleIds: readonly string[] | null = null) {
  const [members, admins, roles] = await db.batch([
    db
      .prepare(
        `SELECT m.id, m.manager_id, m.active,
           (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
         FROM members m
         WHERE ?1 IS NULL OR m.id IN (SELECT member_id FROM member_roles
           WHERE role_id IN (SELECT value FROM json_each(?1)))`,
      )
      .bind(roleIds && JSON.stringify(roleIds)),
    db.prepare(
      `SELECT DISTINCT member_id FROM users
       WHERE access_role = 'admin' AND active = 1 AND member_id IS NOT NULL ORDER BY member_id`,
    ),
    db.prepare('SELECT id, name_ru, name_en FROM roles'),
  ])
  type RoleRow = { id: string; name_ru: string; name_en: string }
  type Row = { id: string; manager_id: string | null; active: number; role_ids: string | null }
  const rows = (members?.results ?? []) as Row[]
  return {
    members: rows.map((r): AlertMember => ({
      id: r.id,
      managerId: r.manager_id,
      active: r.active === 1,
      roleIds: r.role_ids ? r.role_ids.split(',') : [],
    })),
    admins: ((admins?.results ?? []) as { member_id: string }[]).map((r) => r.member_id),
    roleNames: new Map(
      ((roles?.results ?? []) as RoleRow[]).map((r) => [r.id, { ru: r.name_ru, en: r.name_en }]),
    ),
  }
}

export type AlertOrg = Awaited<ReturnType<typeof alertOrg>>
