import type { ImportCheck, ImportCreate, ImportJob, ImportRow } from '../../../schema/imports'
import { answer, api } from './client'

/** The dry run of some rows: what they would do, and their errors by line. */
export function checkRows(rows: ImportRow[]): Promise<ImportCheck> {
  return answer(api.POST('/api/imports/check', { body: { rows } }))
}

/** Starts an import, or gets the unfinished one of the same file back to resume. */
export function startImport(body: ImportCreate): Promise<ImportJob> {
  return answer(api.POST('/api/imports', { body }))
}

export function postBatch(id: string, n: number, rows: ImportRow[]) {
  const params = { path: { id, n } }
  return answer(api.POST('/api/imports/{id}/batches/{n}', { params, body: { rows } }))
}

/** The answer to a batch: the job as it stands, and the batch's errors by line. */
export type BatchResult = Awaited<ReturnType<typeof postBatch>>

/** Restores a backup document into this (empty) deployment. */
export function restoreBackup(doc: unknown) {
  // The document is checked on the server, table by table; the web only passes the file on.
  return answer(api.POST('/api/backup/restore', { body: doc as never }))
}
