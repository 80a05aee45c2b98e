import { createRoute, z } from '@hono/zod-openapi'
import { Flag, FlagCreate, FlagPatch } from '../../schema/flags'
import { listFlags } from '../db/flags'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { editFlag, raiseFlag } from '../services/flag-write'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  404: 'No such client or flag',
  409: 'An open flag of that kind already, a stale version, or a resolved flag',
})

/** Flags on a card: incident, overdue receivables, churn risk. `/clients/:id/flags`, `/flags/:id`. */
export const flags = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/flags',
      summary: "A client's flags, open ones first",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ flags: z.array(Flag) }), 'Flags'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ flags: await listFlags(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/flags',
      summary:
        'Raise a flag on a card at any stage; the owner defaults to the client’s person for the kind’s role, the SLA (working days) to the kind’s',
      request: { params: IdParam, body: jsonBody(FlagCreate) },
      responses: { 201: jsonResponse(Flag, 'Raised'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      return c.json(await raiseFlag(c.env.DB, id, input, c.get('actorId'), Date.now()), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/flags/{id}',
      summary:
        'Edit an open flag (note, owner) or resolve it with a resolution; send the version you saw',
      request: { params: IdParam, body: jsonBody(FlagPatch) },
      responses: { 200: jsonResponse(Flag, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      return c.json(await editFlag(c.env.DB, id, patch, c.get('actorId'), Date.now()), 200)
    },
  )
