import type {
  ImportCheck,
  ImportCreate,
  ImportJob,
  ImportRow,
  RowError,
} from '../../../schema/imports'
import { request } from './client'

/** The dry run of some rows: what they would do, and their errors by line. */
export function checkRows(rows: ImportRow[]): Promise<ImportCheck> {
  return request<ImportCheck>('/api/imports/check', { method: 'POST', body: { rows } })
}

/** Starts an import, or gets the unfinished one of the same file back to resume. */
export function startImport(body: ImportCreate): Promise<ImportJob> {
  return request<ImportJob>('/api/imports', { method: 'POST', body })
}

export interface BatchResult {
  job: ImportJob
  applied: boolean
  errors: RowError[]
}

export function postBatch(id: string, n: number, rows: ImportRow[]): Promise<BatchResult> {
  return request<BatchResult>(`/api/imports/${id}/batches/${n}`, { method: 'POST', body: { rows } })
}

/** Restores a backup document into this (empty) deployment. */
export function restoreBackup(
  doc: unknown,
): Promise<{ restored: Record<string, number>; signInAgain: true }> {
  return request('/api/backup/restore', { method: 'POST', body: doc })
}
