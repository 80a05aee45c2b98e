import { z } from '@hono/zod-openapi'
import { Id, IsoTime, SingleLine, Version } from './common'

/** Longest notes on a contact; the journal is the place for long text. */
export const CONTACT_NOTES_MAX = 2000

/**
 * A phone as typed: digits with spaces, dashes, dots, brackets and a leading +. The API
 * normalises it to E.164 (`+79161234567`); a Russian 8… or bare 10-digit mobile gets +7.
 */
const Phone = z
  .string()
  .max(40)
  .regex(/^[+\d\s().-]*$/, 'A phone has digits, spaces, brackets, dashes and a leading +')
  .openapi({ example: '+7 (916) 123-45-67' })

export const Email = z.email().max(254).openapi({ example: 'anna@client.ru' })

const contactFields = {
  name: SingleLine(200),
  position: z.string().max(200),
  phone: Phone.nullable(),
  email: Email.nullable(),
  messenger: z.string().max(200),
  decisionMaker: z.boolean(),
  notes: z.string().max(CONTACT_NOTES_MAX),
}

/** A person at the client: who decides, who uses, who pays. */
export const Contact = z
  .object({
    id: Id,
    clientId: Id,
    ...contactFields,
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi('Contact')
export type Contact = z.infer<typeof Contact>

export const ContactCreate = z
  .object({
    name: contactFields.name,
    position: contactFields.position.default(''),
    phone: Phone.nullable().default(null),
    email: Email.nullable().default(null),
    messenger: contactFields.messenger.default(''),
    decisionMaker: z.boolean().default(false),
    notes: contactFields.notes.default(''),
  })
  .strict()
  .openapi('ContactCreate')
export type ContactCreate = z.infer<typeof ContactCreate>

export const ContactPatch = z
  .object({
    version: Version,
    name: contactFields.name.optional(),
    position: contactFields.position.optional(),
    phone: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    messenger: contactFields.messenger.optional(),
    decisionMaker: z.boolean().optional(),
    notes: contactFields.notes.optional(),
  })
  .strict()
  .openapi('ContactPatch')
export type ContactPatch = z.infer<typeof ContactPatch>
