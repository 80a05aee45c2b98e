import { createRoute, z } from '@hono/zod-openapi'
import { Flag, FlagCreate, FlagPatch } from '../../schema/flags'
import { getFlag, insertFlag, listFlags, updateFlag } from '../db/flags'
import { unknownMembers } from '../db/members'
import { slaDeadlines } from '../../shared/clock'
import { FLAG_DEFAULTS } from '../../shared/flags'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { loadCalendar } from '../services/calendar'
import { assertClientExists, requireClient } from '../services/known-client'

const errors = errorResponses({
  404: 'No such client or flag',
  409: 'An open flag of that kind already, a stale version, or a resolved flag',
})

/** Refuses an owner who is not a member, naming the field. */
async function checkOwner(db: D1Database, ownerId: string | null | undefined) {
  if (ownerId && (await unknownMembers(db, [ownerId])).length > 0) {
    const message = `No member ${JSON.stringify(ownerId)}`
    throw new AppError(422, 'invalid', message, {}, { ownerId: [message] })
  }
}

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
      const { id: clientId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      const client = await requireClient(db, clientId)
      if (client.archived) throw new AppError(409, 'archived', `Client ${clientId} is archived`)
      await checkOwner(db, input.ownerId)
      const defaults = FLAG_DEFAULTS[input.kind]
      const slaDays = input.slaDays ?? defaults.slaDays
      const now = Date.now()
      const { value: calendar } = await loadCalendar(db)
      const { dueAt, due2At } = slaDeadlines(now, slaDays, calendar)
      const id = crypto.randomUUID()
      const raised = await insertFlag(db, {
        id,
        clientId,
        kind: input.kind,
        note: input.note,
        ownerId:
          input.ownerId === undefined ? (client.people[defaults.roleId] ?? null) : input.ownerId,
        slaDays,
        dueAt,
        due2At,
        actorId: c.get('actorId'),
        now,
      })
      if (!raised) {
        const open = (await listFlags(db, clientId)).find(
          (f) => f.kind === input.kind && f.resolvedAt === null,
        )
        throw new AppError(
          409,
          'flag_open',
          `Client ${clientId} already has an open ${input.kind} flag`,
          { current: open ?? null },
          { kind: ['Already raised on this card'] },
        )
      }
      const flag = await getFlag(db, id)
      if (!flag) throw notFound('Flag', id)
      return c.json(flag, 201)
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
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const flag = await getFlag(db, id)
      if (!flag) throw notFound('Flag', id)
      if (flag.resolvedAt !== null) {
        throw new AppError(409, 'resolved', `Flag ${id} is resolved`, { current: flag })
      }
      if (flag.version !== version) throw staleVersion('Flag', id, flag)
      await checkOwner(db, patch.ownerId)
      const written = await updateFlag(db, {
        flag,
        note: patch.note ?? flag.note,
        ownerId: patch.ownerId === undefined ? flag.ownerId : patch.ownerId,
        resolution: patch.resolution ?? null,
        actorId: c.get('actorId'),
        now: Date.now(),
      })
      const current = await getFlag(db, id)
      if (!current) throw notFound('Flag', id)
      if (!written) throw staleVersion('Flag', id, current)
      return c.json(current, 200)
    },
  )
