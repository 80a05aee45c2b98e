import type { ImportContact, ImportRecord } from './import-record'

/** A live contact of the client as the import compares it. */
export interface ContactState {
  id: string
  name: string
  position: string
  phone: string | null
  email: string | null
}

/** The client's source and money as they are (null fields: not set). */
export interface ProfileState {
  sourceId: string | null
  contractValue: number | null
  monthlyRevenue: number | null
}

export interface ContactWrite extends ContactState {
  clientId: string
}

export interface ProfileWrite extends ProfileState {
  clientId: string
}

/** What one row writes to the client's record, with the history events that say so. */
export interface RecordPlan {
  contactInsert: ContactWrite | null
  contactUpdate: ContactWrite | null
  profile: ProfileWrite | null
  events: { kind: string; data: Record<string, unknown> }[]
}

type Change = Record<string, { from: unknown; to: unknown }>

function diff<T extends object>(before: T, after: T, keys: readonly (keyof T & string)[]): Change {
  return Object.fromEntries(
    keys.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
  )
}

/**
 * The contact a row means: the one with its e-mail, else its phone, else its name. Matching on
 * these (not on position in the file) is what makes a second run of the same file add nothing.
 */
export function matchContact(
  contacts: readonly ContactState[],
  row: ImportContact,
  keyOf: (text: string) => string,
): ContactState | undefined {
  return (
    (row.email ? contacts.find((c) => c.email === row.email) : undefined) ??
    (row.phone ? contacts.find((c) => c.phone === row.phone) : undefined) ??
    contacts.find((c) => keyOf(c.name) === keyOf(row.name))
  )
}

/**
 * Plans a row's contact, money and source against the client's record: a contact is added or
 * completed (an empty cell keeps what is there), money and source are set where the file has
 * them. Nothing that already holds the file's value is written, so re-importing is a no-op.
 */
export function planRecord(
  clientId: string,
  record: ImportRecord,
  state: { contacts: readonly ContactState[]; profile: ProfileState | null },
  keyOf: (text: string) => string,
  newId: () => string,
): RecordPlan {
  const plan: RecordPlan = { contactInsert: null, contactUpdate: null, profile: null, events: [] }
  const row = record.contact
  if (row) {
    const match = matchContact(state.contacts, row, keyOf)
    if (!match) {
      const id = newId()
      plan.contactInsert = {
        id,
        clientId,
        name: row.name,
        position: row.position ?? '',
        phone: row.phone ?? null,
        email: row.email ?? null,
      }
      plan.events.push({ kind: 'contact_added', data: { contactId: id, name: row.name } })
    } else {
      const next: ContactState = {
        id: match.id,
        name: row.name,
        position: row.position ?? match.position,
        phone: row.phone ?? match.phone,
        email: row.email ?? match.email,
      }
      const fields = diff(match, next, ['name', 'position', 'phone', 'email'])
      if (Object.keys(fields).length) {
        plan.contactUpdate = { ...next, clientId }
        plan.events.push({
          kind: 'contact_edited',
          data: { contactId: match.id, name: next.name, fields },
        })
      }
    }
  }
  const before = state.profile ?? { sourceId: null, contractValue: null, monthlyRevenue: null }
  const after: ProfileState = {
    ...before,
    ...record.money,
    sourceId: record.sourceId ?? before.sourceId,
  }
  const fields = diff(before, after, ['sourceId', 'contractValue', 'monthlyRevenue'])
  if (Object.keys(fields).length) {
    plan.profile = { ...after, clientId }
    plan.events.push({ kind: 'profile_edited', data: { fields } })
  }
  return plan
}
