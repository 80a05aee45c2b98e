import { z } from '@hono/zod-openapi'

export const BACKUP_FORMAT = 'journey-board-backup'
export const BACKUP_VERSION = 1

/** A cell as JSON carries it: SQLite's text, integer, real and null (the schema has no blobs). */
const Cell = z.union([z.string(), z.number(), z.null()])

/** One table: its column names and its rows in primary-key order, one array per row. */
export const BackupTableData = z
  .object({ columns: z.array(z.string().min(1).max(64)).min(1), rows: z.array(z.array(Cell)) })
  .strict()

/** The whole organisation as one document (README: "Backup and restore"). */
export const BackupDocument = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string(),
    tables: z.record(z.string(), BackupTableData),
  })
  .strict()
  .openapi('BackupDocument')
export type BackupDocument = z.infer<typeof BackupDocument>

export const RestoreResult = z
  .object({ restored: z.record(z.string(), z.number().int()), signInAgain: z.literal(true) })
  .openapi('RestoreResult')
