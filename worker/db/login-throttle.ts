import type { ThrottleLimits, ThrottleState } from '../domain/login-throttle'

interface Row {
  scope: string
  failures: number
  last_failure_at: number
  locked_until: number | null
}

export async function readThrottle(db: D1Database, scopes: string[]) {
  const { results } = await db
    .prepare(
      `SELECT * FROM login_throttle WHERE scope IN (${scopes.map((_, i) => `?${i + 1}`).join(',')})`,
    )
    .bind(...scopes)
    .all<Row>()
  return new Map<string, ThrottleState>(
    results.map((r) => [
      r.scope,
      { failures: r.failures, lastFailureAt: r.last_failure_at, lockedUntil: r.locked_until },
    ]),
  )
}

/**
 * Counts a failure atomically (concurrent failures each count) and returns the new total;
 * the count starts again once the window or an earlier lock has passed.
 */
export async function recordFailure(
  db: D1Database,
  scope: string,
  limits: ThrottleLimits,
  now: number,
) {
  const row = await db
    .prepare(
      `INSERT INTO login_throttle (scope, failures, window_started_at, last_failure_at)
       VALUES (?1, 1, ?2, ?2)
       ON CONFLICT (scope) DO UPDATE SET
         failures = CASE WHEN last_failure_at < ?3 OR locked_until <= ?2 THEN 1 ELSE failures + 1 END,
         window_started_at = CASE WHEN last_failure_at < ?3 OR locked_until <= ?2 THEN ?2 ELSE window_started_at END,
         locked_until = CASE WHEN locked_until <= ?2 THEN NULL ELSE locked_until END,
         last_failure_at = ?2
       RETURNING failures`,
    )
    .bind(scope, now, now - limits.windowMs)
    .first<{ failures: number }>()
  return row?.failures ?? 1
}

export async function lockScope(db: D1Database, scope: string, until: number) {
  await db
    .prepare('UPDATE login_throttle SET locked_until = ?1 WHERE scope = ?2')
    .bind(until, scope)
    .run()
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearThrottle(db: D1Database, scope: string) {
  await db.prepare('DELETE FROM login_throttle WHERE scope = ?1').bind(scope).run()
}
