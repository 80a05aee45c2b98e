import { createRoute, z } from '@hono/zod-openapi'
import { NpsAnswer, NpsCreate } from '../../schema/record'
import { contactOf } from '../db/contacts'
import { insertNpsStatement, listNps } from '../db/nps'
import { recordEventStatements } from '../db/record-change'
import { notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { commitRecordChange, fieldError } from '../services/record-write'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  404: 'No such client',
  409: 'Archived client',
})

/** NPS answers per contact (0–10 with the comment), asked in writing. */
export const nps = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/nps',
      summary: "The client's NPS answers, newest first",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ answers: z.array(NpsAnswer) }), 'Answers'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ answers: await listNps(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/nps',
      summary: "Record a contact's NPS answer",
      request: { params: IdParam, body: jsonBody(NpsCreate) },
      responses: { 201: jsonResponse(NpsAnswer, 'Recorded'), ...errors },
    }),
    async (c) => {
      const { id: clientId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      const id = crypto.randomUUID()
      const op = crypto.randomUUID()
      const now = Date.now()
      const event = {
        kind: 'nps_recorded',
        actorId: c.get('actorId'),
        data: { answerId: id, contactId: input.contactId, score: input.score },
      }
      await commitRecordChange(
        db,
        clientId,
        [
          ...recordEventStatements(
            db,
            clientId,
            event,
            now,
            op,
            contactOf(clientId, input.contactId),
          ),
          insertNpsStatement(db, { ...input, id, clientId }, c.get('actorId'), now, op),
        ],
        async () =>
          fieldError('contactId', `No contact ${JSON.stringify(input.contactId)} at this client`),
      )
      const answer = (await listNps(db, clientId)).find((a) => a.id === id)
      if (!answer) throw notFound('NPS answer', id)
      return c.json(answer, 201)
    },
  )
