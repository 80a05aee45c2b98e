import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { JournalCreate, JournalEntry, JournalPatch } from '../../schema/journal'
import { listJournal } from '../db/journal'
import type { AppEnv } from '../env'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { addJournalEntry, correctJournalEntry, type Writer } from '../services/journal-write'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  403: "Correcting someone else's entry (only its author or an admin may)",
  404: 'No such client or journal entry',
  409: 'Stale version or archived client',
})

const writer = (c: Context<AppEnv>): Writer => ({
  identity: c.get('identity'),
  actorId: c.get('actorId'),
})

/** The client's journal: calls, meetings, letters and notes; append-only with an edit trail. */
export const journal = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/journal',
      summary: "The client's journal, newest first, each entry with its earlier versions",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ entries: z.array(JournalEntry) }), 'Entries'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ entries: await listJournal(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/journal',
      summary:
        'Add an entry; a next contact date gives its author a task due then, @mentions notify',
      request: { params: IdParam, body: jsonBody(JournalCreate) },
      responses: { 201: jsonResponse(JournalEntry, 'Added'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const entry = await addJournalEntry(c.env.DB, id, c.req.valid('json'), writer(c))
      return c.json(entry, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/journal/{id}',
      summary: 'Correct an entry: the version it replaces stays visible in its trail',
      request: { params: IdParam, body: jsonBody(JournalPatch) },
      responses: { 200: jsonResponse(JournalEntry, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const entry = await correctJournalEntry(c.env.DB, id, c.req.valid('json'), writer(c))
      return c.json(entry, 200)
    },
  )
