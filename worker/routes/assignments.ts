import { createRoute, z } from '@hono/zod-openapi'
import { AssignRequest, SuggestRequest, Suggestion } from '../../schema/assignments'
import { Client } from '../../schema/clients'
import { Id } from '../../schema/common'
import { admitBatchedSession, batchedSessionQuery } from '../middleware/batched-session'
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../router'
import { setPerson } from '../services/assign-client'
import { poolFor, suggestionFor, suggestionInputs } from '../services/suggestions'
import { slotOf } from '../services/team-snapshot'

const errors = errorResponses({
  403: 'A lead assigning outside their team',
  404: 'No such client',
  409: 'Stale version or archived client',
})

/** Fractions to four places: 0.7692 reads as 77%, and float noise stays out of the JSON. */
const round = (x: number) => Math.round(x * 1e4) / 1e4

/** Grade-aware suggestions and the assignment they lead to. */
export const assignments = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/assignments/suggest',
      summary:
        'Who should take a journey role on a client: candidates by utilisation after, and who is left out why',
      request: { body: jsonBody(SuggestRequest) },
      responses: { 200: jsonResponse(Suggestion, 'Ranked suggestions'), ...errors },
    }),
    async (c) => {
      const req = c.req.valid('json')
      // A cookie's session is read in the suggestion's one batch, and the caller admitted first.
      const read = await batchedSessionQuery(c)
      const session = read && { read, admit: (r?: D1Result) => admitBatchedSession(c, r) }
      const { snap, target } = await suggestionInputs(c.env.DB, Date.now(), req, session)
      const pool = poolFor(snap, c.get('identity'), req.leadId)
      const { weight, candidates, excluded } = suggestionFor(snap, target, req.roleId, pool)
      return c.json(
        {
          client: {
            id: target.id,
            tier: target.tier,
            score: target.score,
            stageId: target.stageId,
            roleId: req.roleId,
            part: slotOf(snap, target, req.roleId).role,
            weight: round(weight),
          },
          candidates: candidates.map((k) => ({
            memberId: k.memberId,
            name: k.name,
            grade: k.grade,
            utilizationBefore: round(k.utilizationBefore),
            utilizationAfter: round(k.utilizationAfter),
            overdueCount: k.overdueCount,
            reasons: k.reasons,
          })),
          excluded,
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/assign',
      summary: "Set the client's person for a journey role (as PUT /clients/{id}/people/{roleId})",
      request: { params: z.object({ id: Id }), body: jsonBody(AssignRequest) },
      responses: { 200: jsonResponse(Client, 'Assigned'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { roleId, memberId, version, reason } = c.req.valid('json')
      const client = await setPerson(
        c.env.DB,
        id,
        { roleId, memberId, version, reason },
        c.get('identity'),
        Date.now(),
      )
      return c.json(client, 200)
    },
  )
