import { z } from '@hono/zod-openapi'
import { Id, IsoTime } from './common'

/** Rows per batch the web posts: one D1 batch each, well inside the request size limit. */
export const IMPORT_BATCH_MAX = 500

/** Fields a column can feed. People are `person:<roleId>` (the member's e-mail). */
export const IMPORT_FIELDS = [
  'externalId',
  'name',
  'company',
  'tier',
  'score',
  'stage',
  'contactName',
  'contactPosition',
  'contactPhone',
  'contactEmail',
  'contractValue',
  'monthlyRevenue',
  'source',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

const Cell = z.string().max(2000)

/** One record of the file, as the mapping makes it: raw text, checked by the Worker. */
export const ImportRow = z
  .object({
    line: z.number().int().min(1),
    externalId: Cell.optional(),
    name: Cell.optional(),
    company: Cell.optional(),
    tier: Cell.optional(),
    score: Cell.optional(),
    stage: Cell.optional(),
    /** One contact at the client: matched to a live one by e-mail, then phone, then name. */
    contactName: Cell.optional(),
    contactPosition: Cell.optional(),
    contactPhone: Cell.optional(),
    contactEmail: Cell.optional(),
    /** Money as written in the sheet ("150 000,50 ₽"), in the client's currency. */
    contractValue: Cell.optional(),
    monthlyRevenue: Cell.optional(),
    /** A source from the list admins keep, by its Russian or English name or its key. */
    source: Cell.optional(),
    /** Journey role id → the e-mail of the member for that role. */
    people: z.record(Id, Cell).optional(),
  })
  .strict()
  .openapi('ImportRow')
export type ImportRow = z.infer<typeof ImportRow>

export const ImportRows = z
  .object({ rows: z.array(ImportRow).min(1).max(IMPORT_BATCH_MAX) })
  .strict()
  .openapi('ImportRows')

/** A row left out, with the line of the file it came from and the field at fault. */
export const RowError = z
  .object({ line: z.number().int(), field: z.string(), message: z.string() })
  .openapi('ImportRowError')
export type RowError = z.infer<typeof RowError>

export const ImportCheck = z
  .object({
    errors: z.array(RowError),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('ImportCheck')
export type ImportCheck = z.infer<typeof ImportCheck>

export const ImportCreate = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    fileHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    totalRows: z.number().int().min(1).max(100_000),
    batchSize: z.number().int().min(1).max(IMPORT_BATCH_MAX),
    /** Column header → field (`name`, …, `person:<roleId>`). */
    mapping: z.record(z.string().max(200), z.string().max(80)),
  })
  .strict()
  .openapi('ImportCreate')
export type ImportCreate = z.infer<typeof ImportCreate>

export const ImportJob = z
  .object({
    id: Id,
    fileName: z.string(),
    fileHash: z.string(),
    totalRows: z.number().int(),
    batchSize: z.number().int(),
    mapping: z.record(z.string(), z.string()),
    status: z.enum(['running', 'done']),
    batchesDone: z.number().int(),
    rowsDone: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    errors: z.array(RowError),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi('ImportJob')
export type ImportJob = z.infer<typeof ImportJob>

export const BatchParam = z.object({ id: Id, n: z.coerce.number().int().min(0).max(10_000) })
