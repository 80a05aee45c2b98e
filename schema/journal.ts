import { z } from '@hono/zod-openapi'
import { JOURNAL_KINDS } from './enums'
import { Id, IsoTime, Version } from './common'

/** Longest journal text (Markdown); a call summary, not an article. */
export const JOURNAL_BODY_MAX = 10_000

export const JournalKind = z.enum(JOURNAL_KINDS)
export type JournalKind = z.infer<typeof JournalKind>

const Day = z.iso.date().openapi({ example: '2026-12-15' })

const entryFields = {
  kind: JournalKind,
  /** Markdown, shown through the knowledge base's safe renderer. */
  body: z.string().trim().min(1).max(JOURNAL_BODY_MAX),
  outcome: z.string().trim().max(1000),
  nextStep: z.string().trim().max(500),
  /** A task for the author falls due that day. */
  nextContactOn: Day.nullable(),
  contactId: Id.nullable(),
}

/** A version of an entry an edit replaced: the trail stays visible. */
export const JournalRevision = z
  .object({
    version: Version,
    kind: JournalKind,
    body: z.string(),
    outcome: z.string(),
    nextStep: z.string(),
    nextContactOn: Day.nullable(),
    writtenAt: IsoTime,
    replacedAt: IsoTime,
  })
  .openapi('JournalRevision')
export type JournalRevision = z.infer<typeof JournalRevision>

export const JournalEntry = z
  .object({
    id: Id,
    clientId: Id,
    kind: JournalKind,
    body: z.string(),
    outcome: z.string(),
    nextStep: z.string(),
    nextContactOn: Day.nullable(),
    contactId: Id.nullable(),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    authorMemberId: Id.nullable(),
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
    /** Earlier versions, newest first (empty when never edited). */
    revisions: z.array(JournalRevision),
  })
  .openapi('JournalEntry')
export type JournalEntry = z.infer<typeof JournalEntry>

export const JournalCreate = z
  .object({
    kind: entryFields.kind,
    body: entryFields.body,
    outcome: entryFields.outcome.default(''),
    nextStep: entryFields.nextStep.default(''),
    nextContactOn: Day.nullable().default(null),
    contactId: Id.nullable().default(null),
  })
  .strict()
  .openapi('JournalCreate')
export type JournalCreate = z.infer<typeof JournalCreate>

export const JournalPatch = z
  .object({
    version: Version,
    kind: entryFields.kind.optional(),
    body: entryFields.body.optional(),
    outcome: entryFields.outcome.optional(),
    nextStep: entryFields.nextStep.optional(),
    nextContactOn: Day.nullable().optional(),
    contactId: Id.nullable().optional(),
  })
  .strict()
  .openapi('JournalPatch')
export type JournalPatch = z.infer<typeof JournalPatch>
