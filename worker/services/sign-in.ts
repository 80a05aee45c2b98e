import type { User } from '../../schema/auth'
import { hashPassword, verifyPassword } from '../auth/password'
import { clearThrottle, readThrottle, releaseAttempt, reserveAttempt } from '../db/login-throttle'
import { findUserForLogin, toUser, upgradeHash } from '../db/users'
import {
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  verdict,
  type ThrottleLimits,
} from '../domain/login-throttle'
import { AppError } from '../errors'

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))

interface Scope {
  key: string
  limits: ThrottleLimits
  /** How the refusal names the scope. */
  who: string
}

/** The 423 or 429 for a scope that refused an attempt, with the wait it still needs. */
async function refusal(db: D1Database, scope: Scope, now: number): Promise<AppError> {
  const v = verdict(await readThrottle(db, scope.key), scope.limits, now)
  // The state may have moved on since the refusal: then a short wait is still the honest answer.
  const retryAfterMs = v.kind === 'allow' ? 1000 : v.retryAfterMs
  const retryAfterSeconds = Math.ceil(retryAfterMs / 1000)
  if (v.kind === 'locked') {
    return new AppError(
      423,
      'locked',
      `Too many failed sign-ins: ${scope.who} is locked for ${minutes(retryAfterMs)} more minute(s)`,
      { retryAfterSeconds },
    )
  }
  return new AppError(
    429,
    'too_many_attempts',
    `Too many failed sign-ins: wait ${retryAfterSeconds} s and try again`,
    { retryAfterSeconds },
  )
}

/**
 * Checks an e-mail and password with the throttle in front: past a few failures per account
 * or per address each try must wait longer, and then the account or address is locked. Each
 * attempt is reserved (counted as a failure) before the slow password check, so parallel
 * attempts cannot get more checks than the limits allow; a success gives its reservation back.
 */
export async function signIn(
  db: D1Database,
  email: string,
  password: string,
  address: string,
  now: number,
): Promise<User> {
  const account: Scope = {
    key: `email:${email.toLowerCase()}`,
    limits: ACCOUNT_LIMITS,
    who: 'this account',
  }
  const scopes: Scope[] = [
    account,
    { key: `ip:${address}`, limits: ADDRESS_LIMITS, who: 'your address' },
  ]
  const reserved: Scope[] = []
  for (const scope of scopes) {
    if (await reserveAttempt(db, scope.key, scope.limits, now)) {
      reserved.push(scope)
      continue
    }
    for (const r of reserved) await releaseAttempt(db, r.key, r.limits)
    throw await refusal(db, scope, now)
  }
  const row = await findUserForLogin(db, email)
  const { ok, rehash } = await verifyPassword(password, row?.password_hash ?? null)
  if (!row || !ok) throw new AppError(401, 'invalid_credentials', 'Wrong e-mail or password')
  await clearThrottle(db, account.key)
  for (const r of reserved) if (r !== account) await releaseAttempt(db, r.key, r.limits)
  if (rehash) await upgradeHash(db, row.id, await hashPassword(password))
  return toUser(row)
}
