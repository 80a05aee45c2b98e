import type { Client, ClientMove } from '../../schema/clients'
import {
  adjacentKey,
  clientFrom,
  clientQuery,
  columnKeys,
  getClient,
  lastKey,
  moveClient,
  rekeyColumn,
} from '../db/clients'
import { stageFrom, stageQuery } from '../db/journey'
import { freshKeys, keyBetween, needsRekey, type Neighbours } from '../domain/ordering'
import { actingPeople } from '../domain/people'
import { enqueueStatement } from '../db/webhooks'
import { AppError, notFound, staleVersion } from '../errors'
import { prepareEntry } from './enter-stage'

export const versionConflict = (current: Client) => staleVersion('Client', current.id, current)

/** The neighbours a card lands between, from the card it goes before / after. */
async function neighboursFor(db: D1Database, clientId: string, m: ClientMove): Promise<Neighbours> {
  const anchorId = m.beforeId ?? m.afterId
  if (!anchorId) return { before: await lastKey(db, m.stageId, clientId), after: null }
  const field = m.beforeId ? 'beforeId' : 'afterId'
  const anchor = anchorId === clientId ? null : await getClient(db, anchorId)
  if (!anchor || anchor.archived || anchor.stageId !== m.stageId) {
    const message = `${anchorId} is not another card of stage ${m.stageId}`
    throw new AppError(422, 'invalid', message, {}, { [field]: [message] })
  }
  return m.beforeId
    ? {
        before: await adjacentKey(db, m.stageId, anchor, 'before', clientId),
        after: anchor.position,
      }
    : {
        before: anchor.position,
        after: await adjacentKey(db, m.stageId, anchor, 'after', clientId),
      }
}

/** Gives the column fresh keys in its current order (the moving card left out). */
async function rekey(db: D1Database, stageId: string, excludeId: string) {
  const rows = await columnKeys(db, stageId, excludeId)
  await rekeyColumn(db, rows, freshKeys(rows.length))
}

/** A key between the neighbours; two equal neighbour keys (a past race) get the column re-keyed. */
async function landingKey(db: D1Database, clientId: string, m: ClientMove): Promise<string> {
  const n = await neighboursFor(db, clientId, m)
  if (n.before === null || n.after === null || n.before < n.after) return keyBetween(n)
  await rekey(db, m.stageId, clientId)
  return keyBetween(await neighboursFor(db, clientId, m))
}

/**
 * Moves a card to a stage and a place in its column. Exactly one of several moves carrying the
 * same version wins; the others get `version_conflict` with the card as it is now.
 */
export async function moveCard(
  db: D1Database,
  clientId: string,
  m: ClientMove,
  actorId: string | null,
  now: number,
): Promise<Client> {
  const [clientRead, stageRead] = await db.batch([
    clientQuery(db, clientId),
    stageQuery(db, m.stageId),
  ])
  const client = clientFrom(clientRead)
  if (!client) throw notFound('Client', clientId)
  const stage = stageFrom(stageRead)
  if (!stage || stage.archived) throw notFound('Stage', m.stageId)
  if (client.version !== m.version) throw versionConflict(client)
  if (client.archived) throw new AppError(409, 'archived', `Client ${clientId} is archived`)

  const position = await landingKey(db, clientId, m)
  const wipLimit = m.force ? null : stage.wipLimit
  const op = crypto.randomUUID()
  const changesStage = client.stageId !== m.stageId
  const entry = changesStage
    ? await prepareEntry(db, client, stage, now, op)
    : { dueAt: null, due2At: null, after: [] }
  const payload = {
    clientId,
    company: client.company,
    from: client.stageId,
    to: m.stageId,
    acting: actingPeople(stage.roles, client.people),
    text: `${client.company}: ${client.stageId} → ${stage.name.ru}`,
  }
  const { moved, current } = await moveClient(db, {
    id: clientId,
    version: m.version,
    fromStageId: client.stageId,
    toStageId: m.stageId,
    position,
    wipLimit,
    actorId,
    now,
    op,
    dueAt: entry.dueAt,
    due2At: entry.due2At,
    after: changesStage
      ? [
          ...entry.after,
          enqueueStatement(db, 'client.moved', `moved:${op}`, payload, now, { clientId, op }),
        ]
      : [],
  })
  if (!current) throw notFound('Client', clientId)
  if (!moved) {
    if (current.version !== m.version) throw versionConflict(current)
    throw new AppError(
      409,
      'wip_limit',
      `Stage ${stage.name.en} is at its WIP limit of ${stage.wipLimit}; send "force": true to move anyway`,
      { current, wipLimit: stage.wipLimit },
    )
  }
  if (needsRekey(position)) {
    await rekey(db, m.stageId, '')
    return (await getClient(db, clientId)) ?? current
  }
  return current
}
