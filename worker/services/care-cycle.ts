import type { Client } from '../../schema/clients'
import { CARE_CYCLE } from '../../shared/care'
import { getClient, lastKey, moveClient } from '../db/clients'
import { getStage } from '../db/journey'
import { keyBetween } from '../domain/ordering'
import { AppError, notFound, staleVersion } from '../errors'
import { prepareEntry } from './enter-stage'

/**
 * A signed renewal starts the next round of account care: the card goes from Renewal signed to
 * the end of Regular check-in, as a move in its history with the entry automations run.
 */
export async function startNextCycle(
  db: D1Database,
  id: string,
  version: number,
  actorId: string | null,
  now: number,
): Promise<Client> {
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
    actorId,
    now,
    op,
    data: { reason: 'care_cycle' },
    dueAt: entry.dueAt,
    due2At: entry.due2At,
    after: entry.after,
  })
  if (!current) throw notFound('Client', id)
  if (!moved) throw staleVersion('Client', id, current)
  return current
}
