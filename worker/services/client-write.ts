import type { Client, ClientCreate, ClientPatch } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import { writeProfileStatement } from '../db/client-profiles'
import { edgeKey, eventStatement, getClient, insertClient, updateClient } from '../db/clients'
import { getStage } from '../db/journey'
import { cardLabelStatements } from '../db/labels'
import { personStatements } from '../db/people'
import { keyBetween } from '../domain/ordering'
import type { Identity } from '../env'
import { AppError, notFound } from '../errors'
import { outcomeProfile, withOutcome } from './archive-outcome'
import { labelsEvent } from './card-labels'
import { clientChanges } from './client-changes'
import { requireClient } from './known-client'
import { prepareEntry } from './enter-stage'
import { versionConflict } from './move-client'
import { vetPeople, type PickFields, type Picks } from './people'
import { prospect } from './suggestions'
import { snapshotAndClient, suggestSnapshot } from './team-snapshot'

/** Who writes: the actor named in the history, and the identity people are vetted against. */
export interface Writer {
  actorId: string | null
  identity: Identity | null
}

const FIELDS: PickFields = { member: (roleId) => `people.${roleId}`, reason: 'reason' }

/** People of a patch, vetted against the client as the patch leaves it (a new tier counts). */
async function vetPatchPeople(
  db: D1Database,
  client: Client,
  patch: ClientPatch,
  identity: Identity | null,
  now: number,
) {
  const { snap, live } = await snapshotAndClient(db, now, client.id)
  if (!live || live.version !== patch.version) throw versionConflict(client)
  if (client.archived && patch.archived !== false) {
    throw new AppError(409, 'archived', `Client ${client.id} is archived`)
  }
  const target = { ...live, tier: patch.tier ?? live.tier }
  const picks = { people: patch.people ?? {}, reason: patch.reason?.trim() || null }
  return vetPeople(snap, target, picks, identity, FIELDS)
}

/** People of a card about to be created, vetted as a prospective client at its stage. */
async function vetNewPeople(
  db: D1Database,
  stage: Stage,
  input: ClientCreate,
  picks: Picks,
  identity: Identity | null,
  now: number,
) {
  const snap = await suggestSnapshot(db, now)
  return vetPeople(snap, prospect(snap, stage, input.tier, input.score), picks, identity, FIELDS)
}

/**
 * A new card at the end of its stage (or at its top), with its people, its stage clock and its
 * history in one batch.
 */
export async function createClient(
  db: D1Database,
  input: ClientCreate,
  { actorId, identity }: Writer,
  now: number,
): Promise<Client> {
  const stage = await getStage(db, input.stageId)
  if (!stage || stage.archived) throw notFound('Stage', input.stageId)
  const id = crypto.randomUUID()
  const op = crypto.randomUUID()
  const picks = { people: input.people ?? {}, reason: input.reason?.trim() || null }
  // The team is read only when people come with the card.
  const vetted =
    Object.keys(picks.people).length === 0
      ? { changes: [], events: [] }
      : await vetNewPeople(db, stage, input, picks, identity, now)
  const guard = { clientId: id, op }
  const people = Object.fromEntries(
    vetted.changes.flatMap((ch) => (ch.memberId ? [[ch.roleId, ch.memberId]] : [])),
  )
  const entry = await prepareEntry(
    db,
    { id, name: input.name, company: input.company, people },
    stage,
    now,
    op,
  )
  await insertClient(
    db,
    {
      ...input,
      id,
      position: input.atTop
        ? keyBetween({ before: null, after: await edgeKey(db, input.stageId, id, 'first') })
        : keyBetween({ before: await edgeKey(db, input.stageId, id, 'last'), after: null }),
      dueAt: entry.dueAt,
      due2At: entry.due2At,
    },
    actorId,
    now,
    op,
    [
      ...vetted.events.map((e) => eventStatement(db, id, 1, e, now, guard)),
      ...vetted.changes.flatMap((ch) => personStatements(db, ch, actorId, now, guard)),
      ...entry.after,
    ],
  )
  const created = await getClient(db, id)
  if (!created) throw notFound('Client', id)
  return created
}

/**
 * An edit made on the version the writer saw: fields, labels, people and the archive outcome in
 * one batch, or a 409 with the current card when someone else wrote first.
 */
export async function editClient(
  db: D1Database,
  id: string,
  patch: ClientPatch,
  { actorId, identity }: Writer,
  now: number,
): Promise<Client> {
  const client = await requireClient(db, id)
  if (client.version !== patch.version) throw versionConflict(client)
  const { fields, events: changes } = clientChanges(client, patch, actorId)
  const outcome = await outcomeProfile(db, client, patch)
  const events = changes.map((e) => (e.kind === 'archived' ? withOutcome(e, outcome) : e))
  const vetted = patch.people
    ? await vetPatchPeople(db, client, patch, identity, now)
    : { changes: [], events: [] }
  const labelled = patch.labelIds && (await labelsEvent(db, client, patch.labelIds, actorId))
  const all = [...events, ...(labelled ? [labelled] : []), ...vetted.events]
  if (all.length === 0) return client
  const op = crypto.randomUUID()
  const [first, ...rest] = all
  const written = first ? [{ ...first, op }, ...rest] : []
  const after = [
    ...vetted.changes.flatMap((ch) => personStatements(db, ch, actorId, now, { clientId: id, op })),
    ...(labelled && patch.labelIds
      ? cardLabelStatements(db, id, patch.labelIds, { clientId: id, op })
      : []),
  ]
  if (outcome) after.push(writeProfileStatement(db, outcome, now, { clientId: id, op }))
  if (!(await updateClient(db, id, patch.version, fields, written, now, after))) {
    const current = await getClient(db, id)
    throw versionConflict(current ?? client)
  }
  return (await getClient(db, id)) ?? client
}
