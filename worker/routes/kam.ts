import { can } from '../../schema/access'
import { createRoute, z } from '@hono/zod-openapi'
import { Client } from '../../schema/clients'
import { KamAssessment, KamMissing, KamPut } from '../../schema/kam'
import { getClient } from '../db/clients'
import { getKam, tierAWithoutKam, writeKam } from '../db/kam'
import { alertOrg } from '../db/org'
import { kamListedFor } from '../domain/kam'
import { quadrantOf } from '../../shared/kam-quadrant'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({ 404: 'No such client', 409: 'Stale version or archived client' })

/** The KAM quadrant: `/clients/:id/kam` and the leads' list of key accounts without one. */
export const kam = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/kam',
      summary: "A client's KAM assessment (null until someone rates it)",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ kam: KamAssessment.nullable() }), 'The assessment'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ kam: await getKam(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/clients/{id}/kam',
      summary:
        "Rate a client's attractiveness and relationship strength (1–5, with a reason each); the quadrant follows. Send the client's version",
      request: { params: IdParam, body: jsonBody(KamPut) },
      responses: {
        200: jsonResponse(z.object({ kam: KamAssessment, client: Client }), 'Assessed'),
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      const [client, previous] = await Promise.all([getClient(db, id), getKam(db, id)])
      if (!client) throw notFound('Client', id)
      if (client.archived) throw new AppError(409, 'archived', `Client ${id} is archived`)
      if (client.version !== input.version) throw staleVersion('Client', id, client)
      const written = await writeKam(db, {
        ...input,
        clientId: id,
        quadrant: quadrantOf(input.attractiveness, input.relationship),
        previous: previous?.quadrant ?? null,
        actorId: c.get('actorId'),
        now: Date.now(),
      })
      const [now, kamNow] = await Promise.all([getClient(db, id), getKam(db, id)])
      if (!now || !kamNow) throw notFound('Client', id)
      if (!written) throw staleVersion('Client', id, now)
      return c.json({ kam: kamNow, client: now }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/kam/unassessed',
      summary:
        "Key (tier A) accounts without a KAM quadrant: a lead's own (their team's), every one for an admin",
      responses: {
        200: jsonResponse(z.object({ clients: z.array(KamMissing) }), 'The key accounts'),
      },
    }),
    async (c) => {
      const db = c.env.DB
      const [missing, org] = await Promise.all([tierAWithoutKam(db), alertOrg(db)])
      const identity = c.get('identity')
      const me = identity?.memberId ?? null
      const listed =
        identity && can(identity.role, 'teams.all')
          ? missing
          : missing.filter((m) => me !== null && kamListedFor(m, me, org.members, org.admins))
      return c.json({ clients: listed }, 200)
    },
  )
