import { createRoute, z } from '@hono/zod-openapi'
import { ApiToken, TokenCreate } from '../../schema/auth'
import { listTokens, revokeToken } from '../db/api-tokens'
import { AppError, notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { createToken } from '../services/api-tokens'
import { disconnectAfterRevoke } from '../services/publish'

const errors = errorResponses({ 404: 'Not found' })

/** API tokens (`/tokens`) for scripts and integrations: read or write scope, revocable. */
export const tokens = createRouter()
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
      const user = c.get('identity')?.user
      if (!user) throw new AppError(403, 'forbidden', 'Only a signed-in admin creates tokens')
      return c.json(await createToken(c.env.DB, c.req.valid('json'), user.id), 201)
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
