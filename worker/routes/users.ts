import { createRoute, z } from '@hono/zod-openapi'
import { ApiToken, Session, TokenCreate, User, UserCreate, UserPatch } from '../../schema/auth'
import { Id } from '../../schema/common'
import { newSecret, sha256Hex } from '../auth/crypto'
import { hashPassword } from '../auth/password'
import { sessionLimits } from '../auth/session'
import { getToken, insertToken, listTokens, revokeToken } from '../db/api-tokens'
import { unknownMembers } from '../db/members'
import { listLiveSessions, revokeSession, revokeUserSessionsStatement } from '../db/sessions'
import { emailInUse, getUser, insertUser, listUsers, updateUserStatement } from '../db/users'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { sessionTag } from '../live/board-room'
import { disconnectAfterRevoke } from '../services/publish'

const errors = errorResponses({ 404: 'Not found', 409: 'Conflict' })

async function checkMemberLink(db: D1Database, memberId: string | null | undefined) {
  if (memberId && (await unknownMembers(db, [memberId])).length) {
    const message = `No member ${JSON.stringify(memberId)}`
    throw new AppError(422, 'invalid', message, {}, { memberId: [message] })
  }
}

/** Accounts, their sessions and API tokens: the admin's console (`/users`, `/sessions`, `/tokens`). */
export const users = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      summary: 'All accounts',
      responses: { 200: jsonResponse(z.object({ users: z.array(User) }), 'Accounts') },
    }),
    async (c) => c.json({ users: await listUsers(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/users',
      summary: 'Create an account with a password',
      request: { body: jsonBody(UserCreate) },
      responses: { 201: jsonResponse(User, 'Created'), ...errors },
    }),
    async (c) => {
      const { password, ...input } = c.req.valid('json')
      const db = c.env.DB
      if (await emailInUse(db, input.email)) {
        throw new AppError(409, 'email_taken', `An account for ${input.email} already exists`)
      }
      await checkMemberLink(db, input.memberId)
      const id = crypto.randomUUID()
      await insertUser(db, id, input, await hashPassword(password), Date.now())
      const user = await getUser(db, id)
      if (!user) throw notFound('User', id)
      return c.json(user, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      summary:
        'Change role, link, activity or password; deactivating or a new password ends their sessions',
      request: { params: IdParam, body: jsonBody(UserPatch) },
      responses: { 200: jsonResponse(User, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, password, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const user = await getUser(db, id)
      if (!user) throw notFound('User', id)
      const stale = () => staleVersion('User', id, user)
      if (user.version !== version) throw stale()
      await checkMemberLink(db, patch.memberId)
      const now = Date.now()
      const next = { ...user, ...patch }
      const endSessions = password !== undefined || next.active === false
      const [result] = await db.batch([
        updateUserStatement(db, next, version, password ? await hashPassword(password) : null, now),
        ...(endSessions ? [revokeUserSessionsStatement(db, id, now)] : []),
      ])
      if ((result?.meta.changes ?? 0) === 0) throw stale()
      if (endSessions) disconnectAfterRevoke(c.env, c.executionCtx, id)
      return c.json((await getUser(db, id)) ?? next, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      summary: 'Live sessions (optionally of one user)',
      request: { query: z.object({ userId: Id.optional() }) },
      responses: { 200: jsonResponse(z.object({ sessions: z.array(Session) }), 'Sessions') },
    }),
    async (c) => {
      const { userId } = c.req.valid('query')
      const { idleMs } = sessionLimits(c.env)
      const current = c.get('identity')?.sessionId ?? null
      return c.json(
        { sessions: await listLiveSessions(c.env.DB, Date.now(), idleMs, current, userId) },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/sessions/{id}',
      summary: 'Revoke a session: its cookie stops working at once',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await revokeSession(c.env.DB, id, Date.now()))) throw notFound('Live session', id)
      disconnectAfterRevoke(c.env, c.executionCtx, sessionTag(id))
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      summary: 'API tokens (never their secrets)',
      responses: { 200: jsonResponse(z.object({ tokens: z.array(ApiToken) }), 'Tokens') },
    }),
    async (c) => c.json({ tokens: await listTokens(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      summary: 'Create an API token; its secret is shown once, in this response only',
      request: { body: jsonBody(TokenCreate) },
      responses: {
        201: jsonResponse(ApiToken.extend({ token: z.string() }), 'Created'),
        422: errors[422],
      },
    }),
    async (c) => {
      const { name, scope } = c.req.valid('json')
      const identity = c.get('identity')
      if (!identity?.user)
        throw new AppError(403, 'forbidden', 'Only a signed-in admin creates tokens')
      const token = newSecret('jb_')
      const id = crypto.randomUUID()
      await insertToken(c.env.DB, {
        id,
        name,
        scope,
        tokenHash: await sha256Hex(token),
        createdBy: identity.user.id,
        now: Date.now(),
      })
      const stored = await getToken(c.env.DB, id)
      if (!stored) throw notFound('Token', id)
      return c.json({ ...stored, token }, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      summary: 'Revoke an API token',
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await revokeToken(c.env.DB, id, Date.now()))) throw notFound('Live token', id)
      disconnectAfterRevoke(c.env, c.executionCtx, id)
      return c.body(null, 204)
    },
  )
