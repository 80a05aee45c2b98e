import { createRoute, z } from '@hono/zod-openapi'
import { Session } from '../../schema/auth'
import { Id } from '../../schema/common'
import { sessionLimits } from '../auth/session'
import { listLiveSessions, revokeSession } from '../db/sessions'
import { notFound } from '../errors'
import { sessionTag } from '../live/caller'
import { createRouter, errorResponses, IdParam, jsonResponse } from '../router'
import { disconnectAfterRevoke } from '../services/publish'

const errors = errorResponses({ 404: 'Not found' })

/** Live sign-in sessions (`/sessions`): the admin sees them and ends any one at once. */
export const sessions = createRouter()
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
