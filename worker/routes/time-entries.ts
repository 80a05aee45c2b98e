import { createRoute, z } from '@hono/zod-openapi'
import { MarginQuery, MarginReport, TimeEntry, TimeEntryCreate } from '../../schema/record'
import { recordEventStatements } from '../db/record-change'
import { insertTimeStatement, listTime, marginInputs } from '../db/time-entries'
import { unknownMembers } from '../db/members'
import { marginReport, monthsBetween } from '../domain/margin'
import { notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { commitRecordChange, fieldError } from '../services/record-write'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  404: 'No such client',
  409: 'Archived client',
})

/** The longest span the margin report reads (ten years of months). */
const MAX_MONTHS = 120

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7)

/** The last day of a YYYY-MM month. */
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** Hours on a card (`/clients/:id/time`) and what they earn (`/record/margin`). */
export const timeEntries = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/time',
      summary: 'Time logged on a client, newest day first',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ entries: z.array(TimeEntry) }), 'Time entries'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ entries: await listTime(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/time',
      summary: 'Log time on a client (minutes, who, what); who defaults to the caller',
      request: { params: IdParam, body: jsonBody(TimeEntryCreate) },
      responses: { 201: jsonResponse(TimeEntry, 'Logged'), ...errors },
    }),
    async (c) => {
      const { id: clientId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      const memberId = input.memberId ?? c.get('identity')?.memberId ?? null
      if (!memberId) throw fieldError('memberId', 'Say who worked: this account is no member')
      if ((await unknownMembers(db, [memberId])).length) {
        throw fieldError('memberId', `No member ${JSON.stringify(memberId)}`)
      }
      const id = crypto.randomUUID()
      const op = crypto.randomUUID()
      const now = Date.now()
      const entry = { ...input, id, clientId, memberId }
      const event = {
        kind: 'time_logged',
        actorId: c.get('actorId'),
        data: { entryId: id, memberId, minutes: input.minutes, spentOn: input.spentOn },
      }
      await commitRecordChange(
        db,
        clientId,
        [
          ...recordEventStatements(db, clientId, event, now, op),
          insertTimeStatement(db, entry, c.get('actorId'), now, op),
        ],
        async () => notFound('Client', clientId),
      )
      const logged = (await listTime(db, clientId)).find((t) => t.id === id)
      if (!logged) throw notFound('Time entry', id)
      return c.json(logged, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/record/margin',
      summary:
        'Margin per hour of work per client and per account manager over whole months (default: the last 12)',
      request: { query: MarginQuery },
      responses: { 200: jsonResponse(MarginReport, 'The report'), 422: errors[422] },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const now = Date.now()
      const to = query.to ?? monthOf(now)
      const back = new Date(`${to}-01T00:00:00Z`)
      back.setUTCMonth(back.getUTCMonth() - 11)
      const from = query.from ?? monthOf(back.getTime())
      if (from > to) throw fieldError('from', 'The first month comes before the last')
      const months = monthsBetween(from, to)
      if (months.length > MAX_MONTHS) {
        throw fieldError('from', `At most ${MAX_MONTHS} months at once`)
      }
      const input = await marginInputs(c.env.DB, `${from}-01`, lastDay(to))
      const report = marginReport(input.clients, input.minutes, input.names, months)
      return c.json({ from, to, ...report }, 200)
    },
  )
