import type { Contact } from '../../schema/contacts'
import { landed, type Condition } from './record-change'
import { iso } from './time'

interface ContactRow {
  id: string
  client_id: string
  name: string
  position: string
  phone: string | null
  email: string | null
  messenger: string
  decision_maker: number
  notes: string
  version: number
  created_at: number
  updated_at: number
}

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  position: r.position,
  phone: r.phone,
  email: r.email,
  messenger: r.messenger,
  decisionMaker: r.decision_maker === 1,
  notes: r.notes,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

/** Decision makers first, then in the order they were added. */
export async function listContacts(db: D1Database, clientId: string): Promise<Contact[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM client_contacts WHERE client_id = ? AND removed = 0
       ORDER BY decision_maker DESC, created_at, id`,
    )
    .bind(clientId)
    .all<ContactRow>()
  return results.map(toContact)
}

export async function getContact(db: D1Database, id: string): Promise<Contact | null> {
  const row = await db
    .prepare('SELECT * FROM client_contacts WHERE id = ? AND removed = 0')
    .bind(id)
    .first<ContactRow>()
  return row ? toContact(row) : null
}

/** The contact still has this version (and is not removed): the condition of an edit. */
export const contactAt = (id: string, version: number): Condition => ({
  sql: 'EXISTS (SELECT 1 FROM client_contacts WHERE id = ? AND version = ? AND removed = 0)',
  params: [id, version],
})

/** A live contact of this client: what a journal entry or an NPS answer may name. */
export const contactOf = (clientId: string, id: string): Condition => ({
  sql: 'EXISTS (SELECT 1 FROM client_contacts WHERE id = ? AND client_id = ? AND removed = 0)',
  params: [id, clientId],
})

type ContactValues = Omit<Contact, 'id' | 'clientId' | 'version' | 'createdAt' | 'updatedAt'>

export function insertContactStatement(
  db: D1Database,
  c: ContactValues & { id: string; clientId: string },
  now: number,
  op: string,
) {
  const g = landed(c.clientId, op)
  return db
    .prepare(
      `INSERT INTO client_contacts (id, client_id, name, position, phone, email, messenger,
         decision_maker, notes, created_at, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${g.sql}`,
    )
    .bind(
      c.id,
      c.clientId,
      c.name,
      c.position,
      c.phone,
      c.email,
      c.messenger,
      c.decisionMaker ? 1 : 0,
      c.notes,
      now,
      now,
      ...g.params,
    )
}

export function updateContactStatement(
  db: D1Database,
  c: ContactValues & { id: string; clientId: string; version: number; removed?: boolean },
  now: number,
  op: string,
) {
  const g = landed(c.clientId, op)
  return db
    .prepare(
      `UPDATE client_contacts SET name = ?, position = ?, phone = ?, email = ?, messenger = ?,
         decision_maker = ?, notes = ?, removed = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND version = ? AND ${g.sql}`,
    )
    .bind(
      c.name,
      c.position,
      c.phone,
      c.email,
      c.messenger,
      c.decisionMaker ? 1 : 0,
      c.notes,
      c.removed ? 1 : 0,
      now,
      c.id,
      c.version,
      ...g.params,
    )
}

/** Whether the client has this contact, not removed. */
export async function isLiveContact(db: D1Database, clientId: string, contactId: string) {
  const row = await db
    .prepare('SELECT 1 FROM client_contacts WHERE id = ?1 AND client_id = ?2 AND removed = 0')
    .bind(contactId, clientId)
    .first()
  return row !== null
}
