import { createRoute, z } from '@hono/zod-openapi'
import { Client, ClientPerson, PersonPut } from '../../schema/clients'
import { Id, Version } from '../../schema/common'
import { listPeople } from '../db/people'
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../router'
import { setPerson } from '../services/assign-client'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  403: 'A lead setting people outside their team',
  404: 'No such client',
  409: 'Stale version or archived client',
})

const PersonParams = z.object({ id: Id, roleId: Id })

/** A client's person per journey role: who they are, and setting or clearing one role. */
export const people = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/people',
      summary: "The client's people, one per journey role, with when and why each was chosen",
      request: { params: z.object({ id: Id }) },
      responses: {
        200: jsonResponse(z.object({ people: z.array(ClientPerson) }), 'People'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ people: await listPeople(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/clients/{id}/people/{roleId}',
      summary:
        "Set the client's person for a journey role (a reason is required when not the top suggestion)",
      request: { params: PersonParams, body: jsonBody(PersonPut) },
      responses: { 200: jsonResponse(Client, 'Set'), ...errors },
    }),
    async (c) => {
      const { id, roleId } = c.req.valid('param')
      const body = c.req.valid('json')
      const client = await setPerson(
        c.env.DB,
        id,
        { ...body, roleId },
        c.get('identity'),
        Date.now(),
      )
      return c.json(client, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/clients/{id}/people/{roleId}',
      summary: 'Leave a journey role of the client empty',
      request: {
        params: PersonParams,
        query: z.object({ version: z.coerce.number().pipe(Version) }),
      },
      responses: { 200: jsonResponse(Client, 'Cleared'), ...errors },
    }),
    async (c) => {
      const { id, roleId } = c.req.valid('param')
      const { version } = c.req.valid('query')
      const client = await setPerson(
        c.env.DB,
        id,
        { roleId, memberId: null, version },
        c.get('identity'),
        Date.now(),
      )
      return c.json(client, 200)
    },
  )
