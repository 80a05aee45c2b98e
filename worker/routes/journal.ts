import { createRoute, z } from '@hono/zod-openapi'
import { JournalCreate, JournalEntry, JournalPatch } from '../../schema/journal'
import { can } from '../../schema/access'
import { contactOf, isLiveContact } from '../db/contacts'
import {
  editEntryStatements,
  entryAt,
  getJournalEntry,
  insertEntryStatement,
  listJournal,
} from '../db/journal'
import { recordEventStatements, type Condition } from '../db/record-change'
import type { Identity } from '../env'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { journalEffects } from '../services/journal-effects'
import { commitRecordChange, fieldError } from '../services/record-write'
import { assertClientExists, requireClient } from '../services/known-client'

const errors = errorResponses({
  403: "Correcting someone else's entry (only its author or an admin may)",
  404: 'No such client or journal entry',
  409: 'Stale version or archived client',
})

const authorOf = (identity: Identity | null) => ({
  id: identity?.id ?? null,
  memberId: identity?.memberId ?? null,
  name: identity?.user?.name ?? 'API',
})

/** A named contact must be one of this client's: checked inside the batch, a 422 otherwise. */
function contactCheck(clientId: string, contactId: string | null): Condition | undefined {
  return contactId ? contactOf(clientId, contactId) : undefined
}

/** Why a journal write did not land when the card is live: the contact, else the version. */
async function explain(db: D1Database, clientId: string, contactId: string | null, id: string) {
  if (contactId) {
    if (!(await isLiveContact(db, clientId, contactId)))
      return fieldError('contactId', `No contact ${JSON.stringify(contactId)} at this client`)
  }
  const current = await getJournalEntry(db, id)
  return current ? staleVersion('Journal entry', id, current) : notFound('Journal entry', id)
}

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
      const { id: clientId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      const client = await requireClient(db, clientId)
      const id = crypto.randomUUID()
      const op = crypto.randomUUID()
      const now = Date.now()
      const author = authorOf(c.get('identity'))
      const values = { ...input, id, clientId }
      const event = {
        kind: 'journal_added',
        actorId: c.get('actorId'),
        data: { entryId: id, journalKind: input.kind, nextContactOn: input.nextContactOn },
      }
      await commitRecordChange(
        db,
        clientId,
        [
          ...recordEventStatements(
            db,
            clientId,
            event,
            now,
            op,
            contactCheck(clientId, input.contactId),
          ),
          insertEntryStatement(
            db,
            { ...values, authorId: author.id, authorMemberId: author.memberId },
            now,
            op,
          ),
          ...(await journalEffects(db, values, client, author, now, op)),
        ],
        () => explain(db, clientId, input.contactId, id),
      )
      const created = await getJournalEntry(db, id)
      if (!created) throw notFound('Journal entry', id)
      return c.json(created, 201)
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
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const entry = await getJournalEntry(db, id)
      if (!entry) throw notFound('Journal entry', id)
      if (entry.version !== version) throw staleVersion('Journal entry', id, entry)
      const client = await requireClient(db, entry.clientId)
      const next = { ...entry, ...patch }
      const keys = ['kind', 'body', 'outcome', 'nextStep', 'nextContactOn', 'contactId'] as const
      const fields = keys.filter((k) => entry[k] !== next[k])
      if (fields.length === 0) return c.json(entry, 200)
      const role = c.get('identity')?.role
      if (
        entry.authorId &&
        entry.authorId !== c.get('actorId') &&
        !(role && can(role, 'journal.correct-any'))
      ) {
        throw new AppError(
          403,
          'forbidden',
          'Only its author (or an admin) corrects a journal entry',
        )
      }
      const op = crypto.randomUUID()
      const now = Date.now()
      const author = authorOf(c.get('identity'))
      const condition = contactCheck(entry.clientId, next.contactId)
      const at = entryAt(id, version)
      const event = {
        kind: 'journal_edited',
        actorId: c.get('actorId'),
        data: { entryId: id, version: version + 1, fields },
      }
      // The task stays its author's: an admin's correction moves it, never takes it.
      const owner = { ...author, memberId: entry.authorMemberId }
      await commitRecordChange(
        db,
        entry.clientId,
        [
          ...recordEventStatements(db, entry.clientId, event, now, op, {
            sql: condition ? `${at.sql} AND ${condition.sql}` : at.sql,
            params: [...at.params, ...(condition?.params ?? [])],
          }),
          ...editEntryStatements(db, { ...next, version }, c.get('actorId'), now, op),
          ...(await journalEffects(db, next, client, owner, now, op)),
        ],
        () => explain(db, entry.clientId, next.contactId, id),
      )
      return c.json((await getJournalEntry(db, id)) ?? entry, 200)
    },
  )
