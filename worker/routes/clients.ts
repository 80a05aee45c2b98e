import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  Client,
  ClientCreate,
  ClientFilters,
  ClientHistory,
  ClientMove,
  ClientPatch,
  HistoryPage,
} from '../../schema/clients'
import { listClients, listEvents } from '../db/clients'
import type { AppEnv } from '../env'
import { authorize } from '../middleware/authenticate'
import { keyedRequest, replay } from '../middleware/idempotency'
import { admitBatchedSession, batchedSessionQuery } from '../middleware/batched-session'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { createClient, editClient, type Writer } from '../services/client-write'
import { moveCard } from '../services/move-client'
import { assertClientExists, requireClient } from '../services/known-client'

/** The writer of a request: who the history names and whose team people are vetted against. */
const actorOf = (c: Context<AppEnv>): Writer => ({
  actorId: c.get('actorId'),
  identity: c.get('identity'),
})

const errors = errorResponses({
  403: "People outside the caller's team, or setting people without the right",
  404: 'No such client or stage',
  409: 'Stale version or full column',
})

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
      if (input.people) authorize(c, 'clients.assign')
      return c.json(await createClient(c.env.DB, input, actorOf(c), Date.now()), 201)
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
      if (patch.people) authorize(c, 'clients.assign')
      return c.json(await editClient(c.env.DB, id, patch, actorOf(c), Date.now()), 200)
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
      const move = c.req.valid('json')
      // A cookie's session is read in the move's read batch; the caller is admitted before the plan.
      const answer = await moveCard(c.env.DB, id, move, Date.now(), {
        session: await batchedSessionQuery(c),
        admit: async (session) => {
          await admitBatchedSession(c, session)
          return { actorId: c.get('actorId'), keyed: await keyedRequest(c) }
        },
      })
      if (answer.kind === 'moved') return c.json(answer.client, 200)
      // A move stores only its 200: the replay is that card (mismatches and races throw here).
      const replayed = replay(answer.stored, answer.requestHash)
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
