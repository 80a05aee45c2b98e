import { createRoute, z } from '@hono/zod-openapi'
import {
  Client,
  ClientCreate,
  ClientEvent,
  ClientFilters,
  ClientMove,
  ClientPatch,
  type StageRoleKind,
} from '../../schema/clients'
import {
  getClient,
  insertClient,
  lastKey,
  listClients,
  listEvents,
  updateClient,
} from '../db/clients'
import { getStage } from '../db/journey'
import { unknownMembers } from '../db/members'
import { keyBetween } from '../domain/ordering'
import { AppError, notFound } from '../errors'
import { authorize } from '../middleware/authenticate'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { clientChanges } from '../services/client-changes'
import { prepareEntry } from '../services/enter-stage'
import { moveCard, versionConflict } from '../services/move-client'

const errors = errorResponses({
  404: 'No such client or stage',
  409: 'Stale version or full column',
})

/** Rejects assignee ids that are not members, naming the field. */
async function checkAssignees(
  db: D1Database,
  assignees: Partial<Record<StageRoleKind, string | null>>,
) {
  const ids = Object.values(assignees).filter((v): v is string => typeof v === 'string')
  const unknown = new Set(await unknownMembers(db, ids))
  if (unknown.size === 0) return
  const fields = Object.fromEntries(
    Object.entries(assignees)
      .filter(([, v]) => typeof v === 'string' && unknown.has(v))
      .map(([k, v]) => [`assignees.${k}`, [`No member ${JSON.stringify(v)}`]]),
  )
  throw new AppError(422, 'invalid', `Unknown member(s): ${[...unknown].join(', ')}`, {}, fields)
}

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
      summary: 'Create a client at the end of a stage',
      request: { body: jsonBody(ClientCreate) },
      responses: { 201: jsonResponse(Client, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      if (input.assignees) authorize(c, 'clients.assign')
      const stage = await getStage(db, input.stageId)
      if (!stage || stage.archived) throw notFound('Stage', input.stageId)
      await checkAssignees(db, input.assignees ?? {})
      const id = crypto.randomUUID()
      const op = crypto.randomUUID()
      const now = Date.now()
      const assignees = {
        owner: input.assignees?.owner ?? null,
        communicator: input.assignees?.communicator ?? null,
        support: input.assignees?.support ?? null,
      }
      const entry = await prepareEntry(
        db,
        { id, name: input.name, company: input.company, assignees },
        stage,
        now,
        op,
      )
      await insertClient(
        db,
        {
          ...input,
          ...assignees,
          id,
          position: keyBetween({ before: await lastKey(db, input.stageId, id), after: null }),
          dueAt: entry.dueAt,
          due2At: entry.due2At,
        },
        c.get('actorId'),
        now,
        op,
        entry.after,
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
      const client = await getClient(c.env.DB, id)
      if (!client) throw notFound('Client', id)
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
      if (patch.assignees) authorize(c, 'clients.assign')
      const client = await getClient(db, id)
      if (!client) throw notFound('Client', id)
      if (client.version !== patch.version) throw versionConflict(client)
      await checkAssignees(db, patch.assignees ?? {})
      const { fields, events } = clientChanges(client, patch, c.get('actorId'))
      if (events.length === 0) return c.json(client, 200)
      if (!(await updateClient(db, id, patch.version, fields, events, Date.now()))) {
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
      const moved = await moveCard(c.env.DB, id, c.req.valid('json'), c.get('actorId'), Date.now())
      return c.json(moved, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/history',
      summary: 'The client history, newest first',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ events: z.array(ClientEvent) }), 'Events'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await getClient(c.env.DB, id))) throw notFound('Client', id)
      return c.json({ events: await listEvents(c.env.DB, id) }, 200)
    },
  )
