import type { User } from '../../schema/auth'
import { hashPassword, verifyPassword } from '../auth/password'
import { clearThrottle, readThrottle, releaseAttempt, reserveAttempt } from '../db/login-throttle'
import { findUserForLogin, toUser, upgradeHash } from '../db/users'
import { throttleScopes, verdict, type ThrottleScope } from '../domain/login-throttle'
import { AppError } from '../errors'

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))

/** The 423 or 429 for a scope that refused an attempt, with the wait it still needs. */
async function refusal(db: D1Database, scope: ThrottleScope, now: number): Promise<AppError> {
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
 * Checks an e-mail and password with the throttle in front (README, Access): failures slow
 * down and then lock the account at this address, more slowly the account everywhere, and the
 * address. Each attempt is reserved (counted as a failure) before the slow password check, so
 * parallel attempts cannot get more checks than the limits allow. A success clears the pair's
 * failures and gives its reservation back to the others: it says nothing about other addresses.
 */
export async function signIn(
  db: D1Database,
  email: string,
  password: string,
  address: string,
  now: number,
): Promise<User> {
  const reserved: ThrottleScope[] = []
  for (const scope of throttleScopes(email, address)) {
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
  for (const r of reserved) {
    if (r.clearOnSuccess) await clearThrottle(db, r.key)
    else await releaseAttempt(db, r.key, r.limits)
  }
  if (rehash) await upgradeHash(db, row.id, await hashPassword(password))
  return toUser(row)
}
