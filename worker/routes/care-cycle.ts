import { createRoute, z } from '@hono/zod-openapi'
import { Client } from '../../schema/clients'
import { Version } from '../../schema/common'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { startNextCycle } from '../services/care-cycle'

const errors = errorResponses({
  404: 'No such client',
  409: 'Stale version, archived, or not at Renewal signed',
})

const CycleBody = z.object({ version: Version }).strict().openapi('CareCycle')

/** `/clients/:id/next-cycle`: a signed renewal starts the next round of account care. */
export const careCycle = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/clients/{id}/next-cycle',
    summary:
      'Start the next care cycle: a card at Renewal signed goes back to Regular check-in (a move in its history, entry automations run)',
    request: { params: IdParam, body: jsonBody(CycleBody) },
    responses: { 200: jsonResponse(Client, 'Back in account care'), ...errors },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { version } = c.req.valid('json')
    return c.json(await startNextCycle(c.env.DB, id, version, c.get('actorId'), Date.now()), 200)
  },
)
