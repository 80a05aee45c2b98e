import type { Session, User } from '../../schema/auth'
import { toUser, type UserRow } from './users'
import { iso } from './time'

interface SessionRow {
  id: string
  user_id: string
  created_at: number
  last_seen_at: number
  expires_at: number
  user_agent: string | null
}

export async function insertSession(
  db: D1Database,
  s: {
    id: string
    tokenHash: string
    userId: string
    now: number
    expiresAt: number
    userAgent: string | null
  },
) {
  await db
    .prepare(
      `INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
       VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)`,
    )
    .bind(s.id, s.tokenHash, s.userId, s.now, s.expiresAt, s.userAgent)
    .run()
}

/** A live session: its id, when it was last seen, and its user. */
export interface LiveSession {
  sessionId: string
  lastSeenAt: number
  user: User
}

export type LiveSessionRow = UserRow & { session_id: string; session_last_seen_at: number }

/** A live session by token hash: not revoked, within its absolute and idle limits, with its active user. */
export const liveSessionQuery = (db: D1Database, tokenHash: string, now: number, idleMs: number) =>
  db
    .prepare(
      `SELECT s.id AS session_id, s.last_seen_at AS session_last_seen_at, u.* FROM sessions s
       JOIN users u ON u.id = s.user_id AND u.active = 1
       WHERE s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2 AND s.last_seen_at > ?3`,
    )
    .bind(tokenHash, now, now - idleMs)

/** The live session in a row of `liveSessionQuery`, if any. */
export const liveSessionFrom = (row: LiveSessionRow | null | undefined): LiveSession | null =>
  row
    ? { sessionId: row.session_id, lastSeenAt: row.session_last_seen_at, user: toUser(row) }
    : null

/**
 * A live session with its active user, in one read: this runs on every request (a move reads
 * it in its own read batch instead: middleware/batched-session.ts).
 */
export async function findLiveSession(
  db: D1Database,
  tokenHash: string,
  now: number,
  idleMs: number,
): Promise<LiveSession | null> {
  return liveSessionFrom(await liveSessionQuery(db, tokenHash, now, idleMs).first<LiveSessionRow>())
}

export async function touchSession(db: D1Database, id: string, now: number) {
  await db.prepare('UPDATE sessions SET last_seen_at = ?1 WHERE id = ?2').bind(now, id).run()
}

export async function revokeSession(db: D1Database, id: string, now: number) {
  const res = await db
    .prepare('UPDATE sessions SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL')
    .bind(now, id)
    .run()
  return res.meta.changes > 0
}

/**
 * Ends a user's sessions in the batch that updated the user to `version`: only if that update
 * applied (a refused or stale edit leaves the sessions alone).
 */
export function revokeUserSessionsStatement(
  db: D1Database,
  userId: string,
  version: number,
  now: number,
) {
  return db
    .prepare(
      `UPDATE sessions SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL
         AND EXISTS (SELECT 1 FROM users WHERE id = ?2 AND version = ?3)`,
    )
    .bind(now, userId, version)
}

export async function listLiveSessions(
  db: D1Database,
  now: number,
  idleMs: number,
  currentId: string | null,
  userId?: string,
): Promise<Session[]> {
  const { results } = await db
    .prepare(
      `SELECT id, user_id, created_at, last_seen_at, expires_at, user_agent FROM sessions
       WHERE revoked_at IS NULL AND expires_at > ?1 AND last_seen_at > ?2 AND (?3 IS NULL OR user_id = ?3)
       ORDER BY last_seen_at DESC`,
    )
    .bind(now, now - idleMs, userId ?? null)
    .all<SessionRow>()
  return results.map((r) => ({
    id: r.id,
    userId: r.user_id,
    createdAt: iso(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
    expiresAt: iso(r.expires_at),
    userAgent: r.user_agent,
    current: r.id === currentId,
  }))
}
