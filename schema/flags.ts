import { z } from '@hono/zod-openapi'
import { FLAG_KINDS } from './enums'
import { Id, IsoTime, Version } from './common'

export const FlagKind = z.enum(FLAG_KINDS).openapi('FlagKind')
export type FlagKind = z.infer<typeof FlagKind>

/** What the board card shows of an open flag. */
export const CardFlag = z
  .object({ kind: FlagKind, overdueLevel: z.number().int().min(0).max(2) })
  .openapi('CardFlag')
export type CardFlag = z.infer<typeof CardFlag>

const Note = z.string().trim().max(1000)
const SlaDays = z.number().int().min(1).max(60)

export const Flag = z
  .object({
    id: Id,
    clientId: Id,
    kind: FlagKind,
    note: z.string(),
    ownerId: Id.nullable(),
    slaDays: z.number().int(),
    raisedAt: IsoTime,
    raisedBy: z.string().nullable(),
    /** When the flag passes its SLA in working time (null: the calendar has no working days). */
    dueAt: IsoTime.nullable(),
    /** 0 on time, 1 past the SLA, 2 past twice the SLA (set by the flag sweep). */
    overdueLevel: z.number().int().min(0).max(2),
    resolvedAt: IsoTime.nullable(),
    resolvedBy: z.string().nullable(),
    resolution: z.string().nullable(),
    version: Version,
  })
  .openapi('Flag')
export type Flag = z.infer<typeof Flag>

export const FlagCreate = z
  .object({
    kind: FlagKind,
    note: Note.default(''),
    /** Default: the client's person for the kind's role (finance for receivables). */
    ownerId: Id.nullable().optional(),
    /** Working days; default per kind. */
    slaDays: SlaDays.optional(),
  })
  .strict()
  .openapi('FlagCreate')
export type FlagCreate = z.infer<typeof FlagCreate>

/** Edits an open flag; a `resolution` resolves it (a resolved flag is history, not edited). */
export const FlagPatch = z
  .object({
    version: Version,
    note: Note.optional(),
    ownerId: Id.nullable().optional(),
    resolution: z.string().trim().min(1, 'Say how it was resolved').max(1000).optional(),
  })
  .strict()
  .openapi('FlagPatch')
export type FlagPatch = z.infer<typeof FlagPatch>
