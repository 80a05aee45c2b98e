import { createRoute, z } from '@hono/zod-openapi'
import { Absence, AbsenceCreate } from '../../schema/team'
import { deleteAbsence, getAbsence, insertAbsence, listAbsences } from '../db/absences'
import { getMember } from '../db/members'
import { notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { assertOwnTeam } from '../services/team-scope'

const errors = errorResponses({ 403: 'Not in your team', 404: 'No such member or absence' })

/** When members are away (`/members/:id/absences`, `/absences/:id`): no new clients then. */
export const absences = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/members/{id}/absences',
      summary: "A member's absences, the latest first",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ absences: z.array(Absence) }), 'Absences'),
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await getMember(c.env.DB, id))) throw notFound('Member', id)
      await assertOwnTeam(c, id)
      return c.json({ absences: await listAbsences(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/members/{id}/absences',
      summary: 'Record an absence (inclusive local dates)',
      request: { params: IdParam, body: jsonBody(AbsenceCreate) },
      responses: { 201: jsonResponse(Absence, 'Recorded'), ...errors },
    }),
    async (c) => {
      const { id: memberId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      if (!(await getMember(db, memberId))) throw notFound('Member', memberId)
      await assertOwnTeam(c, memberId)
      const id = crypto.randomUUID()
      await insertAbsence(db, id, memberId, input, c.get('actorId'), Date.now())
      const created = await getAbsence(db, id)
      if (!created) throw notFound('Absence', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/absences/{id}',
      summary: 'Remove an absence',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const absence = await getAbsence(c.env.DB, id)
      if (!absence) throw notFound('Absence', id)
      await assertOwnTeam(c, absence.memberId)
      await deleteAbsence(c.env.DB, id)
      return c.body(null, 204)
    },
  )
