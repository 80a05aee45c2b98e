import { createRoute, z } from '@hono/zod-openapi'
import {
  Client,
  ClientCreate,
  ClientFilters,
  ClientHistory,
  ClientMove,
  ClientPatch,
  HistoryPage,
} from '../../schema/clients'
import {
  eventStatement,
  getClient,
  insertClient,
  edgeKey,
  listClients,
  listEvents,
  updateClient,
} from '../db/clients'
import { writeProfileStatement } from '../db/client-profiles'
import { getStage } from '../db/journey'
import { readLiveClient } from '../db/load'
import { cardLabelStatements } from '../db/labels'
import { personStatements } from '../db/people'
import { keyBetween } from '../domain/ordering'
import type { Stage } from '../../schema/journey'
import type { Identity } from '../env'
import { AppError, notFound } from '../errors'
import { authorize } from '../middleware/authenticate'
import { keyedRequest, replay } from '../middleware/idempotency'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { outcomeProfile, withOutcome } from '../services/archive-outcome'
import { labelsEvent } from '../services/card-labels'
import { clientChanges } from '../services/client-changes'
import { prepareEntry } from '../services/enter-stage'
import { moveCard, versionConflict } from '../services/move-client'
import { vetPeople, type PickFields, type Picks } from '../services/people'
import { prospect } from '../services/suggestions'
import { suggestSnapshot } from '../services/team-snapshot'
import { assertClientExists, requireClient } from '../services/known-client'

const errors = errorResponses({
  403: "People outside the caller's team, or setting people without the right",
  404: 'No such client or stage',
  409: 'Stale version or full column',
})

/** People of a patch, vetted against the client as the patch leaves it (a new tier counts). */
async function vetPatchPeople(
  db: D1Database,
  client: Client,
  patch: ClientPatch,
  identity: Identity | null,
  now: number,
) {
  const snap = await suggestSnapshot(db, now)
  const live = await readLiveClient(db, client.id, snap.roleParts)
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

const FIELDS: PickFields = { member: (roleId) => `people.${roleId}`, reason: 'reason' }

export const clients = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'List the cards, optionally filtered',
      request: { query: ClientFilters },
      responses: { 200: jsonResponse(z.object({ clients: z.array(Client) }), 'The clients') },
    }),
    async (c) => c.json({ clients: await listClients(c.env.DB, c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Create a client at the end of a stage (or at its top)',
      request: { body: jsonBody(ClientCreate) },
      responses: { 201: jsonResponse(Client, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      if (input.people) authorize(c, 'clients.assign')
      const stage = await getStage(db, input.stageId)
      if (!stage || stage.archived) throw notFound('Stage', input.stageId)
      const id = crypto.randomUUID()
      const op = crypto.randomUUID()
      const now = Date.now()
      const identity = c.get('identity')
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
        c.get('actorId'),
        now,
        op,
        [
          ...vetted.events.map((e) => eventStatement(db, id, 1, e, now, guard)),
          ...vetted.changes.flatMap((ch) => personStatements(db, ch, c.get('actorId'), now, guard)),
          ...entry.after,
        ],
      )
      const created = await getClient(db, id)
      if (!created) throw notFound('Client', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'One client',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Client, 'The client'), 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const client = await requireClient(c.env.DB, id)
      return c.json(client, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Edit a client (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(ClientPatch) },
      responses: { 200: jsonResponse(Client, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const db = c.env.DB
      if (patch.people) authorize(c, 'clients.assign')
      const client = await requireClient(db, id)
      if (client.version !== patch.version) throw versionConflict(client)
      const now = Date.now()
      const actorId = c.get('actorId')
      const { fields, events: changes } = clientChanges(client, patch, actorId)
      const outcome = await outcomeProfile(db, client, patch)
      const events = changes.map((e) => (e.kind === 'archived' ? withOutcome(e, outcome) : e))
      const vetted = patch.people
        ? await vetPatchPeople(db, client, patch, c.get('identity'), now)
        : { changes: [], events: [] }
      const labelled = patch.labelIds && (await labelsEvent(db, client, patch.labelIds, actorId))
      const all = [...events, ...(labelled ? [labelled] : []), ...vetted.events]
      if (all.length === 0) return c.json(client, 200)
      const op = crypto.randomUUID()
      const [first, ...rest] = all
      const written = first ? [{ ...first, op }, ...rest] : []
      const after = [
        ...vetted.changes.flatMap((ch) =>
          personStatements(db, ch, actorId, now, { clientId: id, op }),
        ),
        ...(labelled && patch.labelIds
          ? cardLabelStatements(db, id, patch.labelIds, { clientId: id, op })
          : []),
      ]
      if (outcome) after.push(writeProfileStatement(db, outcome, now, { clientId: id, op }))
      if (!(await updateClient(db, id, patch.version, fields, written, now, after))) {
        const current = await getClient(db, id)
        throw versionConflict(current ?? client)
      }
      return c.json((await getClient(db, id)) ?? client, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/move',
      summary: 'Move a card to a stage, before or after another card (default: to the end)',
      request: { params: IdParam, body: jsonBody(ClientMove) },
      responses: { 200: jsonResponse(Client, 'Moved'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const keyed = await keyedRequest(c)
      const move = c.req.valid('json')
      const answer = await moveCard(c.env.DB, id, move, c.get('actorId'), Date.now(), keyed)
      if (answer.kind === 'moved') return c.json(answer.client, 200)
      // A move stores only its 200: the replay is that card (mismatches and races throw here).
      const replayed = replay(answer.stored, keyed?.requestHash ?? '')
      c.header('idempotent-replayed', 'true')
      return c.json((await replayed.json()) as Client, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/history',
      summary: 'The client history, newest first, a page at a time',
      request: { params: IdParam, query: HistoryPage },
      responses: {
        200: jsonResponse(ClientHistory, 'A page of events, and the cursor of the next'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      const { before, limit } = c.req.valid('query')
      return c.json(await listEvents(c.env.DB, id, { before: before ?? null, limit }), 200)
    },
  )
