import type { UserCreate, UserPatch } from '../../schema/auth'
import { hashPassword } from '../auth/password'
import { unknownMembers } from '../db/members'
import { revokeUserSessionsStatement } from '../db/sessions'
import { emailInUse, getUser, insertUser, updateUserStatement } from '../db/users'
import { passwordProblem } from '../domain/password-policy'
import { AppError, notFound, staleVersion } from '../errors'

/** 422 on `memberId` when it names a member that does not exist. */
async function assertMember(db: D1Database, memberId: string | null | undefined) {
  if (memberId && (await unknownMembers(db, [memberId])).length) {
    const message = `No member ${JSON.stringify(memberId)}`
    throw new AppError(422, 'invalid', message, {}, { memberId: [message] })
  }
}

/** 422 on `password` when it is too short, the account's e-mail, or a common password. */
async function assertStrongPassword(password: string, email: string) {
  // Loaded on first use: the 10,000-word list costs nothing to requests that set no password,
  // and the router (also built in Node for `npm run lint:api`) never imports the .txt file.
  const { commonPasswords } = await import('../auth/common-passwords')
  const problem = passwordProblem(password, email, commonPasswords())
  if (problem) {
    const message = `Invalid input — password: ${problem}`
    throw new AppError(422, 'weak_password', message, {}, { password: [problem] })
  }
}

/** Creates an account with a strong password (409 when the e-mail has one already). */
export async function createUser(db: D1Database, { password, ...input }: UserCreate) {
  await assertStrongPassword(password, input.email)
  if (await emailInUse(db, input.email)) {
    throw new AppError(409, 'email_taken', `An account for ${input.email} already exists`)
  }
  await assertMember(db, input.memberId)
  const id = crypto.randomUUID()
  await insertUser(db, id, input, await hashPassword(password), Date.now())
  const user = await getUser(db, id)
  if (!user) throw notFound('User', id)
  return user
}

/**
 * Applies a patch made on `version` of the account. A new password or deactivation ends the
 * account's sessions in the same batch; `sessionsEnded` tells the caller to close its sockets.
 */
export async function patchUser(
  db: D1Database,
  id: string,
  { version, password, ...patch }: UserPatch,
) {
  const user = await getUser(db, id)
  if (!user) throw notFound('User', id)
  const stale = () => staleVersion('User', id, user)
  if (user.version !== version) throw stale()
  if (password !== undefined) await assertStrongPassword(password, user.email)
  await assertMember(db, patch.memberId)
  const now = Date.now()
  const next = { ...user, ...patch }
  const sessionsEnded = password !== undefined || next.active === false
  const [result] = await db.batch([
    updateUserStatement(db, next, version, password ? await hashPassword(password) : null, now),
    ...(sessionsEnded ? [revokeUserSessionsStatement(db, id, version + 1, now)] : []),
  ])
  if ((result?.meta.changes ?? 0) === 0) {
    // Same version and still refused: the guard that keeps one active admin said no.
    if ((await getUser(db, id))?.version !== version) throw stale()
    throw new AppError(
      409,
      'last_admin',
      'This is the last active admin: make someone else an admin before demoting or deactivating this account',
    )
  }
  return { user: (await getUser(db, id)) ?? next, sessionsEnded }
}
