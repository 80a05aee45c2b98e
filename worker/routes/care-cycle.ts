import { createRoute, z } from '@hono/zod-openapi'
import { Client } from '../../schema/clients'
import { Version } from '../../schema/common'
import { getClient, lastKey, moveClient } from '../db/clients'
import { getStage } from '../db/journey'
import { CARE_CYCLE } from '../../shared/care'
import { keyBetween } from '../domain/ordering'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { prepareEntry } from '../services/enter-stage'

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
    const db = c.env.DB
    const [client, home] = await Promise.all([getClient(db, id), getStage(db, CARE_CYCLE.to)])
    if (!client) throw notFound('Client', id)
    if (!home || home.archived) throw notFound('Stage', CARE_CYCLE.to)
    if (client.archived) throw new AppError(409, 'archived', `Client ${id} is archived`)
    if (client.version !== version) throw staleVersion('Client', id, client)
    if (client.stageId !== CARE_CYCLE.from) {
      throw new AppError(
        409,
        'not_at_stage',
        `Client ${id} is not at ${CARE_CYCLE.from}: only a signed renewal starts a new care cycle`,
        { current: client },
      )
    }
    const now = Date.now()
    const op = crypto.randomUUID()
    const entry = await prepareEntry(db, client, home, now, op)
    const position = keyBetween({ before: await lastKey(db, home.id, id), after: null })
    const { moved, current } = await moveClient(db, {
      id,
      version,
      fromStageId: client.stageId,
      toStageId: home.id,
      position,
      wipLimit: null,
      actorId: c.get('actorId'),
      now,
      op,
      data: { reason: 'care_cycle' },
      dueAt: entry.dueAt,
      due2At: entry.due2At,
      after: entry.after,
    })
    if (!current) throw notFound('Client', id)
    if (!moved) throw staleVersion('Client', id, current)
    return c.json(current, 200)
  },
)
