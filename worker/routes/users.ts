import { createRoute, z } from '@hono/zod-openapi'
import { User, UserCreate, UserPatch } from '../../schema/auth'
import { listUsers } from '../db/users'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { createUser, patchUser } from '../services/accounts'
import { disconnectAfterRevoke } from '../services/publish'

const errors = errorResponses({ 404: 'Not found', 409: 'Conflict' })

/** Accounts (`/users`): who may sign in, with which access role and linked member. */
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
    async (c) => c.json(await createUser(c.env.DB, c.req.valid('json')), 201),
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
      const { user, sessionsEnded } = await patchUser(c.env.DB, id, c.req.valid('json'))
      if (sessionsEnded) disconnectAfterRevoke(c.env, c.executionCtx, id)
      return c.json(user, 200)
    },
  )
