import { createRoute, z } from '@hono/zod-openapi'
import { Login, User } from '../../schema/auth'
import { ErrorBody } from '../../schema/common'
import { clearSessionCookie, startSession } from '../auth/session'
import { revokeSession } from '../db/sessions'
import { AppError } from '../errors'
import { refuseCrossSite } from '../middleware/authenticate'
import { createRouter, jsonBody, jsonResponse } from '../router'
import { signIn } from '../services/sign-in'
import { sessionTag } from '../live/board-room'
import { disconnectAfterRevoke } from '../services/publish'

const UserBody = z.object({ user: User })

/** Sign-in, sign-out and "who am I". */
export const auth = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      summary: 'Sign in with e-mail and password; sets the session cookie',
      request: { body: jsonBody(Login) },
      responses: {
        200: jsonResponse(UserBody, 'Signed in'),
        401: jsonResponse(ErrorBody, 'Wrong e-mail or password'),
        423: jsonResponse(ErrorBody, 'Locked after repeated failures'),
        429: jsonResponse(ErrorBody, 'Slowed down after failures'),
      },
    }),
    async (c) => {
      refuseCrossSite(c)
      const { email, password } = c.req.valid('json')
      const address = c.req.header('cf-connecting-ip') ?? 'local'
      const now = Date.now()
      const user = await signIn(c.env.DB, email, password, address, now)
      await startSession(c, user.id, now)
      return c.json({ user }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      summary: 'End this session',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const sessionId = c.get('identity')?.sessionId
      if (sessionId) {
        await revokeSession(c.env.DB, sessionId, Date.now())
        disconnectAfterRevoke(c.env, c.executionCtx, sessionTag(sessionId))
      }
      clearSessionCookie(c)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'The signed-in user',
      responses: {
        200: jsonResponse(UserBody, 'The user'),
        401: jsonResponse(ErrorBody, 'Not signed in'),
      },
    }),
    (c) => {
      const user = c.get('identity')?.user
      if (!user)
        throw new AppError(
          401,
          'unauthenticated',
          'Not signed in as a user (API tokens have no profile)',
        )
      return c.json({ user }, 200)
    },
  )
