import { createRoute, z } from '@hono/zod-openapi'
import {
  Contact,
  ContactCreate,
  ContactPatch,
  type Contact as ContactT,
} from '../../schema/contacts'
import { Version } from '../../schema/common'
import {
  contactAt,
  getContact,
  insertContactStatement,
  listContacts,
  updateContactStatement,
} from '../db/contacts'
import { recordEventStatements } from '../db/record-change'
import { normaliseEmail, normalisePhone } from '../domain/contact-fields'
import { notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { commitRecordChange, fieldError } from '../services/record-write'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  404: 'No such client or contact',
  409: 'Stale version or archived client',
})

/** Phone to E.164 and e-mail lower-cased; a phone that cannot be one is a 422 on `phone`. */
function cleaned<T extends { phone?: string | null; email?: string | null }>(input: T): T {
  const out = { ...input }
  if (typeof input.phone === 'string') {
    const phone = input.phone.trim() === '' ? null : normalisePhone(input.phone)
    if (input.phone.trim() !== '' && !phone) {
      throw fieldError(
        'phone',
        'A phone needs 8 to 15 digits with its country code, e.g. +7 916 123-45-67',
      )
    }
    out.phone = phone
  }
  if (typeof input.email === 'string') out.email = normaliseEmail(input.email)
  return out
}

/** What changed between two versions of a contact, for the history. */
function changed(before: ContactT, after: ContactT) {
  const keys = [
    'name',
    'position',
    'phone',
    'email',
    'messenger',
    'decisionMaker',
    'notes',
  ] as const
  return Object.fromEntries(
    keys.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
  )
}

/** People at the client: `/clients/:id/contacts` and `/contacts/:id`. */
export const contacts = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/contacts',
      summary: "The client's contacts, decision makers first",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ contacts: z.array(Contact) }), 'Contacts'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ contacts: await listContacts(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/contacts',
      summary: 'Add a contact (phone normalised to E.164, e-mail lower-cased)',
      request: { params: IdParam, body: jsonBody(ContactCreate) },
      responses: { 201: jsonResponse(Contact, 'Added'), ...errors },
    }),
    async (c) => {
      const { id: clientId } = c.req.valid('param')
      const input = cleaned(c.req.valid('json'))
      const db = c.env.DB
      const id = crypto.randomUUID()
      const op = crypto.randomUUID()
      const now = Date.now()
      const event = {
        kind: 'contact_added',
        actorId: c.get('actorId'),
        data: { contactId: id, name: input.name },
      }
      await commitRecordChange(
        db,
        clientId,
        [
          ...recordEventStatements(db, clientId, event, now, op),
          insertContactStatement(db, { ...input, id, clientId }, now, op),
        ],
        async () => notFound('Client', clientId),
      )
      const created = await getContact(db, id)
      if (!created) throw notFound('Contact', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/contacts/{id}',
      summary: 'Edit a contact (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(ContactPatch) },
      responses: { 200: jsonResponse(Contact, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = cleaned(c.req.valid('json'))
      const db = c.env.DB
      const contact = await getContact(db, id)
      if (!contact) throw notFound('Contact', id)
      if (contact.version !== version) throw staleVersion('Contact', id, contact)
      const next = { ...contact, ...patch }
      const fields = changed(contact, next)
      if (Object.keys(fields).length === 0) return c.json(contact, 200)
      const op = crypto.randomUUID()
      const now = Date.now()
      const event = {
        kind: 'contact_edited',
        actorId: c.get('actorId'),
        data: { contactId: id, name: next.name, fields },
      }
      await commitRecordChange(
        db,
        contact.clientId,
        [
          ...recordEventStatements(db, contact.clientId, event, now, op, contactAt(id, version)),
          updateContactStatement(db, { ...next, version }, now, op),
        ],
        async () => staleVersion('Contact', id, (await getContact(db, id)) ?? contact),
      )
      return c.json((await getContact(db, id)) ?? next, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/contacts/{id}',
      summary: 'Remove a contact (its journal entries and NPS answers keep naming it)',
      request: { params: IdParam, query: z.object({ version: z.coerce.number().pipe(Version) }) },
      responses: { 204: { description: 'Removed' }, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version } = c.req.valid('query')
      const db = c.env.DB
      const contact = await getContact(db, id)
      if (!contact) throw notFound('Contact', id)
      if (contact.version !== version) throw staleVersion('Contact', id, contact)
      const op = crypto.randomUUID()
      const now = Date.now()
      const event = {
        kind: 'contact_removed',
        actorId: c.get('actorId'),
        data: { contactId: id, name: contact.name },
      }
      await commitRecordChange(
        db,
        contact.clientId,
        [
          ...recordEventStatements(db, contact.clientId, event, now, op, contactAt(id, version)),
          updateContactStatement(db, { ...contact, removed: true }, now, op),
        ],
        async () => staleVersion('Contact', id, (await getContact(db, id)) ?? contact),
      )
      return c.body(null, 204)
    },
  )
