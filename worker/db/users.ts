import type { User, UserCreate } from '../../schema/auth'
import type { AccessRole } from '../../schema/access'
import { iso } from './time'

export interface UserRow {
  id: string
  email: string
  name: string
  access_role: AccessRole
  member_id: string | null
  password_hash: string | null
  active: number
  version: number
  created_at: number
}

/** A user row as the API may show it: the hash stays behind. */
export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.access_role,
  memberId: r.member_id,
  active: r.active === 1,
  version: r.version,
  createdAt: iso(r.created_at),
})

export async function findUserForLogin(db: D1Database, email: string) {
  return db
    .prepare('SELECT * FROM users WHERE email = ?1 AND active = 1')
    .bind(email)
    .first<UserRow>()
}

export async function getUser(db: D1Database, id: string): Promise<User | null> {
  const row = await db.prepare('SELECT * FROM users WHERE id = ?1').bind(id).first<UserRow>()
  return row ? toUser(row) : null
}

export async function getUserByEmail(db: D1Database, email: string): Promise<User | null> {
  const row = await db
    .prepare('SELECT * FROM users WHERE email = ?1 AND active = 1')
    .bind(email)
    .first<UserRow>()
  return row ? toUser(row) : null
}

export async function listUsers(db: D1Database): Promise<User[]> {
  const { results } = await db.prepare('SELECT * FROM users ORDER BY email').all<UserRow>()
  return results.map(toUser)
}

export async function emailInUse(db: D1Database, email: string) {
  return (await db.prepare('SELECT 1 FROM users WHERE email = ?1').bind(email).first()) !== null
}

export async function insertUser(
  db: D1Database,
  id: string,
  u: Omit<UserCreate, 'password'>,
  passwordHash: string,
  now: number,
) {
  await db
    .prepare(
      `INSERT INTO users (id, email, name, access_role, member_id, password_hash, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)`,
    )
    .bind(id, u.email, u.name, u.role, u.memberId, passwordHash, now)
    .run()
}

/**
 * Statement that rewrites a user if the version still matches (hash only when given) and the
 * board keeps an active admin: an active admin is demoted or deactivated only while another
 * active admin exists, checked in the same statement so two admins cannot demote each other.
 */
export function updateUserStatement(
  db: D1Database,
  next: User,
  expected: number,
  passwordHash: string | null,
  now: number,
) {
  return db
    .prepare(
      `UPDATE users SET name = ?1, access_role = ?2, member_id = ?3, active = ?4,
        password_hash = COALESCE(?5, password_hash), version = version + 1, updated_at = ?6
       WHERE id = ?7 AND version = ?8
         AND (NOT (access_role = 'admin' AND active = 1) OR (?2 = 'admin' AND ?4 = 1)
              OR EXISTS (SELECT 1 FROM users o WHERE o.access_role = 'admin' AND o.active = 1
                         AND o.id <> ?7))`,
    )
    .bind(
      next.name,
      next.role,
      next.memberId,
      next.active ? 1 : 0,
      passwordHash,
      now,
      next.id,
      expected,
    )
}

/** Replaces a hash made with an older cost after a successful sign-in. */
export async function upgradeHash(db: D1Database, id: string, hash: string) {
  await db.prepare('UPDATE users SET password_hash = ?1 WHERE id = ?2').bind(hash, id).run()
}
