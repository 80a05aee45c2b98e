import type { User } from '../../schema/auth'
import { hashPassword, verifyPassword } from '../auth/password'
import { clearThrottle, lockScope, readThrottle, recordFailure } from '../db/login-throttle'
import { findUserForLogin, toUser, upgradeHash } from '../db/users'
import {
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  lockUntil,
  verdict,
  type ThrottleLimits,
} from '../domain/login-throttle'
import { AppError } from '../errors'

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))

/**
 * Checks an e-mail and password with the throttle in front: past a few failures per account
 * or per address each try must wait longer, and then the account or address is locked.
 */
export async function signIn(
  db: D1Database,
  email: string,
  password: string,
  address: string,
  now: number,
): Promise<User> {
  const scopes: [string, ThrottleLimits][] = [
    [`email:${email.toLowerCase()}`, ACCOUNT_LIMITS],
    [`ip:${address}`, ADDRESS_LIMITS],
  ]
  const states = await readThrottle(
    db,
    scopes.map(([s]) => s),
  )
  for (const [scope, limits] of scopes) {
    const v = verdict(states.get(scope) ?? null, limits, now)
    const retryAfterSeconds = Math.ceil((v.kind === 'allow' ? 0 : v.retryAfterMs) / 1000)
    const who = scope.startsWith('email:') ? 'this account' : 'your address'
    if (v.kind === 'locked') {
      throw new AppError(
        423,
        'locked',
        `Too many failed sign-ins: ${who} is locked for ${minutes(v.retryAfterMs)} more minute(s)`,
        { retryAfterSeconds },
      )
    }
    if (v.kind === 'slow') {
      throw new AppError(
        429,
        'too_many_attempts',
        `Too many failed sign-ins: wait ${retryAfterSeconds} s and try again`,
        {
          retryAfterSeconds,
        },
      )
    }
  }
  const row = await findUserForLogin(db, email)
  const { ok, rehash } = await verifyPassword(password, row?.password_hash ?? null)
  if (!row || !ok) {
    for (const [scope, limits] of scopes) {
      const failures = await recordFailure(db, scope, limits, now)
      const until = lockUntil(failures, limits, now)
      if (until !== null) await lockScope(db, scope, until)
    }
    throw new AppError(401, 'invalid_credentials', 'Wrong e-mail or password')
  }
  await clearThrottle(db, scopes[0]![0])
  if (rehash) await upgradeHash(db, row.id, await hashPassword(password))
  return toUser(row)
}
