import type { OrgMember } from '../domain/team'
import type { Member, MemberCreate } from '../../schema/members'
import { jsonRowsOf, jsonRowsSql } from './json-rows'
import { iso } from './time'

interface MemberRow {
  id: string
  name: string
  email: string
  grade: Member['grade']
  manager_id: string | null
  capacity_override: number | null
  active: number
  version: number
  created_at: number
  updated_at: number
  role_ids: string | null
}

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  name: r.name,
  email: r.email,
  grade: r.grade,
  roleIds: r.role_ids ? r.role_ids.split(',').sort() : [],
  managerId: r.manager_id,
  capacityOverride: r.capacity_override,
  active: r.active === 1,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

const SELECT_MEMBER = `SELECT m.*, (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
  FROM members m`

const MEMBER_COLUMNS = [
  'id',
  'name',
  'email',
  'grade',
  'manager_id',
  'capacity_override',
  'active',
  'version',
  'created_at',
  'updated_at',
  'role_ids',
] as const satisfies readonly (keyof MemberRow)[]

/** Every member, by name: one JSON text from D1 (json-rows.ts), the board loads it on open. */
export async function listMembers(db: D1Database): Promise<Member[]> {
  const result = await db
    .prepare(jsonRowsSql(`${SELECT_MEMBER} ORDER BY m.name`, MEMBER_COLUMNS))
    .all()
  return jsonRowsOf<MemberRow>(result).map(toMember)
}

export async function getMember(db: D1Database, id: string): Promise<Member | null> {
  const row = await db.prepare(`${SELECT_MEMBER} WHERE m.id = ?1`).bind(id).first<MemberRow>()
  return row ? toMember(row) : null
}

/** Ids among `ids` that are not members. */
export async function unknownMembers(db: D1Database, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const { results } = await db
    .prepare(`SELECT id FROM members WHERE id IN (${unique.map((_, i) => `?${i + 1}`).join(',')})`)
    .bind(...unique)
    .all<{ id: string }>()
  const known = new Set(results.map((r) => r.id))
  return unique.filter((id) => !known.has(id))
}

/** The chain of managers above a member, nearest first (bounded: the data may hold a cycle). */
export async function managerChain(db: D1Database, id: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT manager_id, 1 FROM members WHERE id = ?1 AND manager_id IS NOT NULL
         UNION ALL
         SELECT m.manager_id, up.depth + 1 FROM members m JOIN up ON m.id = up.id
           WHERE m.manager_id IS NOT NULL AND up.depth < 50)
       SELECT id FROM up ORDER BY depth`,
    )
    .bind(id)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

export async function emailTaken(db: D1Database, email: string, exceptId: string | null) {
  const row = await db
    .prepare('SELECT id FROM members WHERE email = ?1 AND id != ?2')
    .bind(email, exceptId ?? '')
    .first<{ id: string }>()
  return row !== null
}

export async function insertMember(db: D1Database, id: string, m: MemberCreate, now: number) {
  await db.batch([
    db
      .prepare(
        `INSERT INTO members (id, name, email, grade, manager_id, capacity_override, active, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)`,
      )
      .bind(id, m.name, m.email, m.grade, m.managerId, m.capacityOverride, m.active ? 1 : 0, now),
    ...m.roleIds.map((roleId) =>
      db.prepare('INSERT INTO member_roles (member_id, role_id) VALUES (?1, ?2)').bind(id, roleId),
    ),
  ])
}

/**
 * Writes a member if the version still matches. The role rows are replaced first, each guarded
 * by the same version check, so a stale edit leaves roles and row untouched.
 */
export async function updateMember(db: D1Database, before: Member, next: Member, expected: number) {
  const guard = 'EXISTS (SELECT 1 FROM members WHERE id = ?1 AND version = ?2)'
  const roles =
    next.roleIds.join() === before.roleIds.join()
      ? []
      : [
          db
            .prepare(`DELETE FROM member_roles WHERE member_id = ?1 AND ${guard}`)
            .bind(before.id, expected),
          ...next.roleIds.map((roleId) =>
            db
              .prepare(`INSERT INTO member_roles (member_id, role_id) SELECT ?1, ?3 WHERE ${guard}`)
              .bind(before.id, expected, roleId),
          ),
        ]
  const results = await db.batch([
    ...roles,
    db
      .prepare(
        `UPDATE members SET name = ?1, email = ?2, grade = ?3, manager_id = ?4, capacity_override = ?5,
          active = ?6, version = version + 1, updated_at = ?7 WHERE id = ?8 AND version = ?9`,
      )
      .bind(
        next.name,
        next.email,
        next.grade,
        next.managerId,
        next.capacityOverride,
        next.active ? 1 : 0,
        Date.parse(next.updatedAt),
        before.id,
        expected,
      ),
  ])
  return (results.at(-1)?.meta.changes ?? 0) > 0
}

/** Everyone with their manager, active or not: the org chart reports scope teams by. */
export async function listOrgMembers(db: D1Database): Promise<OrgMember[]> {
  const { results } = await db
    .prepare('SELECT id, manager_id AS managerId, active = 1 AS active FROM members')
    .all<{ id: string; managerId: string | null; active: number }>()
  return results.map((r) => ({ ...r, active: r.active === 1 }))
}

/** Active members' ids by their e-mail address (lower case), as imports name people. */
export async function activeMemberIdsByEmail(db: D1Database): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT id, email FROM members WHERE active = 1')
    .all<{ id: string; email: string }>()
  return new Map(results.map((m) => [m.email.toLowerCase(), m.id]))
}
