import type { JournalEntry, JournalKind, JournalRevision } from '../../schema/journal'
import { landed, type Condition } from './record-change'
import { iso } from './time'

interface EntryRow {
  id: string
  client_id: string
  kind: JournalKind
  body: string
  outcome: string
  next_step: string
  next_contact_on: string | null
  contact_id: string | null
  author_id: string | null
  author_name: string | null
  author_member_id: string | null
  version: number
  created_at: number
  updated_at: number
  /** JSON array of the replaced versions, newest first. */
  revisions: string | null
}

interface RevisionJson {
  version: number
  kind: JournalKind
  body: string
  outcome: string
  next_step: string
  next_contact_on: string | null
  written_at: number
  replaced_at: number
}

const toRevision = (r: RevisionJson): JournalRevision => ({
  version: r.version,
  kind: r.kind,
  body: r.body,
  outcome: r.outcome,
  nextStep: r.next_step,
  nextContactOn: r.next_contact_on,
  writtenAt: iso(r.written_at),
  replacedAt: iso(r.replaced_at),
})

const toEntry = (r: EntryRow): JournalEntry => ({
  id: r.id,
  clientId: r.client_id,
  kind: r.kind,
  body: r.body,
  outcome: r.outcome,
  nextStep: r.next_step,
  nextContactOn: r.next_contact_on,
  contactId: r.contact_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorMemberId: r.author_member_id,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  revisions: (JSON.parse(r.revisions ?? '[]') as RevisionJson[])
    .sort((a, b) => b.version - a.version)
    .map(toRevision),
})

// Entries written before accounts existed (the demo's) name their member.
const ENTRY_SELECT = `SELECT j.*, COALESCE(u.name, 'API: ' || t.name, m.name) AS author_name,
  (SELECT json_group_array(json_object('version', r.version, 'kind', r.kind, 'body', r.body,
     'outcome', r.outcome, 'next_step', r.next_step, 'next_contact_on', r.next_contact_on,
     'written_at', r.written_at, 'replaced_at', r.replaced_at))
   FROM journal_revisions r WHERE r.entry_id = j.id) AS revisions
  FROM journal_entries j LEFT JOIN users u ON u.id = j.author_id
  LEFT JOIN api_tokens t ON t.id = j.author_id LEFT JOIN members m ON m.id = j.author_member_id`

/** The client's journal, newest first. */
export async function listJournal(db: D1Database, clientId: string): Promise<JournalEntry[]> {
  const { results } = await db
    .prepare(`${ENTRY_SELECT} WHERE j.client_id = ? ORDER BY j.created_at DESC, j.id DESC`)
    .bind(clientId)
    .all<EntryRow>()
  return results.map(toEntry)
}

export async function getJournalEntry(db: D1Database, id: string): Promise<JournalEntry | null> {
  const row = await db.prepare(`${ENTRY_SELECT} WHERE j.id = ?`).bind(id).first<EntryRow>()
  return row ? toEntry(row) : null
}

/** The entry still has this version: the condition of an edit. */
export const entryAt = (id: string, version: number): Condition => ({
  sql: 'EXISTS (SELECT 1 FROM journal_entries WHERE id = ? AND version = ?)',
  params: [id, version],
})

export interface EntryValues {
  id: string
  clientId: string
  kind: JournalKind
  body: string
  outcome: string
  nextStep: string
  nextContactOn: string | null
  contactId: string | null
}

export function insertEntryStatement(
  db: D1Database,
  e: EntryValues & { authorId: string | null; authorMemberId: string | null },
  now: number,
  op: string,
) {
  const g = landed(e.clientId, op)
  return db
    .prepare(
      `INSERT INTO journal_entries (id, client_id, kind, body, outcome, next_step, next_contact_on,
         contact_id, author_id, author_member_id, created_at, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${g.sql}`,
    )
    .bind(
      e.id,
      e.clientId,
      e.kind,
      e.body,
      e.outcome,
      e.nextStep,
      e.nextContactOn,
      e.contactId,
      e.authorId,
      e.authorMemberId,
      now,
      now,
      ...g.params,
    )
}

/**
 * An edit: first the version it replaces goes to the trail, then the entry takes the new text.
 * Both only if the batch's event landed (which checked the expected version).
 */
export function editEntryStatements(
  db: D1Database,
  e: EntryValues & { version: number },
  editorId: string | null,
  now: number,
  op: string,
): D1PreparedStatement[] {
  const g = landed(e.clientId, op)
  return [
    db
      .prepare(
        `INSERT INTO journal_revisions (entry_id, version, kind, body, outcome, next_step,
           next_contact_on, written_at, replaced_by, replaced_at)
         SELECT id, version, kind, body, outcome, next_step, next_contact_on, updated_at, ?, ?
         FROM journal_entries WHERE id = ? AND version = ? AND ${g.sql}`,
      )
      .bind(editorId, now, e.id, e.version, ...g.params),
    db
      .prepare(
        `UPDATE journal_entries SET kind = ?, body = ?, outcome = ?, next_step = ?,
           next_contact_on = ?, contact_id = ?, version = version + 1, updated_at = ?
         WHERE id = ? AND version = ? AND ${g.sql}`,
      )
      .bind(
        e.kind,
        e.body,
        e.outcome,
        e.nextStep,
        e.nextContactOn,
        e.contactId,
        now,
        e.id,
        e.version,
        ...g.params,
      ),
  ]
}

/**
 * The entry's next-contact task for its author, due that day. One task per entry (its dedupe
 * key): a new date moves it and opens it again; writing the same date twice changes nothing.
 */
export function nextContactTaskStatement(
  db: D1Database,
  t: { entryId: string; clientId: string; title: string; memberId: string | null; due: string },
  authorId: string | null,
  now: number,
  op: string,
) {
  const g = landed(t.clientId, op)
  return db
    .prepare(
      `INSERT INTO tasks (id, dedupe_key, client_id, title, assignee_member_id, due_date,
         created_by_kind, created_by, created_at, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, 'person', ?, ?, ? WHERE ${g.sql}
       ON CONFLICT (dedupe_key) DO UPDATE SET due_date = excluded.due_date,
         title = excluded.title, done = 0, done_at = NULL, version = version + 1,
         updated_at = excluded.updated_at
       WHERE tasks.due_date IS NOT excluded.due_date OR tasks.title != excluded.title`,
    )
    .bind(
      crypto.randomUUID(),
      `journal:${t.entryId}`,
      t.clientId,
      t.title,
      t.memberId,
      t.due,
      authorId,
      now,
      now,
      ...g.params,
    )
}
