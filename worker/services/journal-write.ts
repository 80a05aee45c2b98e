import { can } from '../../schema/access'
import type { JournalCreate, JournalPatch } from '../../schema/journal'
import { contactOf, isLiveContact } from '../db/contacts'
import { editEntryStatements, entryAt, getJournalEntry, insertEntryStatement } from '../db/journal'
import { allOf, recordEventStatements } from '../db/record-change'
import type { Identity } from '../env'
import { AppError, notFound, staleVersion } from '../errors'
import { journalEffects } from './journal-effects'
import { requireClient } from './known-client'
import { commitRecordChange, fieldError } from './record-write'

/** Who writes: the caller, and the id their history entries carry. */
export interface Writer {
  identity: Identity | null
  actorId: string | null
}

const authorOf = (identity: Identity | null) => ({
  id: identity?.id ?? null,
  memberId: identity?.memberId ?? null,
  name: identity?.user?.name ?? 'API',
})

/** Why a journal write did not land when the card is live: the contact, else the version. */
async function explain(db: D1Database, clientId: string, contactId: string | null, id: string) {
  if (contactId) {
    if (!(await isLiveContact(db, clientId, contactId)))
      return fieldError('contactId', `No contact ${JSON.stringify(contactId)} at this client`)
  }
  const current = await getJournalEntry(db, id)
  return current ? staleVersion('Journal entry', id, current) : notFound('Journal entry', id)
}

/**
 * Adds an entry with its history event and effects (the next-contact task, @mentions) in one
 * batch; a named contact must be the client's, checked inside the batch.
 */
export async function addJournalEntry(
  db: D1Database,
  clientId: string,
  input: JournalCreate,
  { identity, actorId }: Writer,
) {
  const client = await requireClient(db, clientId)
  const id = crypto.randomUUID()
  const op = crypto.randomUUID()
  const now = Date.now()
  const author = authorOf(identity)
  const values = { ...input, id, clientId }
  const event = {
    kind: 'journal_added',
    actorId,
    data: { entryId: id, journalKind: input.kind, nextContactOn: input.nextContactOn },
  }
  const condition = input.contactId ? contactOf(clientId, input.contactId) : undefined
  const entry = { ...values, authorId: author.id, authorMemberId: author.memberId }
  await commitRecordChange(
    db,
    clientId,
    [
      ...recordEventStatements(db, clientId, event, now, op, condition),
      insertEntryStatement(db, entry, now, op),
      ...(await journalEffects(db, values, client, author, now, op)),
    ],
    () => explain(db, clientId, input.contactId, id),
  )
  const created = await getJournalEntry(db, id)
  if (!created) throw notFound('Journal entry', id)
  return created
}

/**
 * Corrects an entry made at `version`; the version it replaces stays in its trail. Only its
 * author corrects it, or whoever may correct anyone's (the policy's `journal.correct-any`).
 */
export async function correctJournalEntry(
  db: D1Database,
  id: string,
  { version, ...patch }: JournalPatch,
  { identity, actorId }: Writer,
) {
  const entry = await getJournalEntry(db, id)
  if (!entry) throw notFound('Journal entry', id)
  if (entry.version !== version) throw staleVersion('Journal entry', id, entry)
  const client = await requireClient(db, entry.clientId)
  const next = { ...entry, ...patch }
  const keys = ['kind', 'body', 'outcome', 'nextStep', 'nextContactOn', 'contactId'] as const
  const fields = keys.filter((k) => entry[k] !== next[k])
  if (fields.length === 0) return entry
  const mayCorrectAny = identity ? can(identity.role, 'journal.correct-any') : false
  if (entry.authorId && entry.authorId !== actorId && !mayCorrectAny) {
    throw new AppError(403, 'forbidden', 'Only its author (or an admin) corrects a journal entry')
  }
  const op = crypto.randomUUID()
  const now = Date.now()
  const event = {
    kind: 'journal_edited',
    actorId,
    data: { entryId: id, version: version + 1, fields },
  }
  const condition = allOf(
    entryAt(id, version),
    next.contactId ? contactOf(entry.clientId, next.contactId) : undefined,
  )
  // The task stays its author's: an admin's correction moves it, never takes it.
  const owner = { ...authorOf(identity), memberId: entry.authorMemberId }
  await commitRecordChange(
    db,
    entry.clientId,
    [
      ...recordEventStatements(db, entry.clientId, event, now, op, condition),
      ...editEntryStatements(db, { ...next, version }, actorId, now, op),
      ...(await journalEffects(db, next, client, owner, now, op)),
    ],
    () => explain(db, entry.clientId, next.contactId, id),
  )
  return (await getJournalEntry(db, id)) ?? entry
}
