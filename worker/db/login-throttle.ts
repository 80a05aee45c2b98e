import { waitSchedule, type ThrottleLimits, type ThrottleState } from '../domain/login-throttle'

interface Row {
  scope: string
  failures: number
  last_failure_at: number
  locked_until: number | null
}

export async function readThrottle(db: D1Database, scope: string): Promise<ThrottleState | null> {
  const row = await db
    .prepare('SELECT * FROM login_throttle WHERE scope = ?1')
    .bind(scope)
    .first<Row>()
  return row
    ? { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until }
    : null
}

/**
 * Reserves a sign-in attempt before the password is checked: counts it as a failure in one
 * statement, so however many attempts arrive at once, no more than the limits allow are ever
 * granted. Returns false (and changes nothing) when the scope is locked or must still wait.
 * The count starts again once the window or an earlier lock has passed; reaching the limit
 * locks the scope. The wait comes from the domain's schedule, indexed by the failures so far.
 */
export async function reserveAttempt(
  db: D1Database,
  scope: string,
  limits: ThrottleLimits,
  now: number,
): Promise<boolean> {
  // Both halves are plain booleans (never NULL), so NOT ${stale} below means "still counting".
  const stale = `((locked_until IS NOT NULL AND locked_until <= ?2)
    OR (locked_until IS NULL AND last_failure_at < ?3))`
  const row = await db
    .prepare(
      `INSERT INTO login_throttle (scope, failures, window_started_at, last_failure_at)
       VALUES (?1, 1, ?2, ?2)
       ON CONFLICT (scope) DO UPDATE SET
         failures = CASE WHEN ${stale} THEN 1 ELSE failures + 1 END,
         window_started_at = CASE WHEN ${stale} THEN ?2 ELSE window_started_at END,
         locked_until = CASE WHEN NOT ${stale} AND failures + 1 >= ?4 THEN ?2 + ?5 END,
         last_failure_at = ?2
       WHERE ${stale}
          OR (locked_until IS NULL AND ?2 >= last_failure_at + json_extract(?6, '$[' || failures || ']'))
       RETURNING failures`,
    )
    .bind(
      scope,
      now,
      now - limits.windowMs,
      limits.lockAfter,
      limits.lockMs,
      JSON.stringify(waitSchedule(limits)),
    )
    .first<{ failures: number }>()
  return row !== null
}

/** Gives a reserved attempt back (it did not fail), lifting the lock it may have set. */
export async function releaseAttempt(db: D1Database, scope: string, limits: ThrottleLimits) {
  await db
    .prepare(
      `UPDATE login_throttle SET
         failures = max(failures - 1, 0),
         locked_until = CASE WHEN failures - 1 < ?2 THEN NULL ELSE locked_until END
       WHERE scope = ?1`,
    )
    .bind(scope, limits.lockAfter)
    .run()
}

/** A successful sign-in clears the failures of the account at that address. */
export async function clearThrottle(db: D1Database, scope: string) {
  await db.prepare('DELETE FROM login_throttle WHERE scope = ?1').bind(scope).run()
}
