import type { ImportCheck, ImportJob, ImportRow, RowError } from '../../../schema/imports'
import { ApiError } from '../api/client'
import { checkRows, postBatch, startImport } from '../api/imports'
import type { ImportMapping } from '../../../shared/import-map'

/** Rows per request: one D1 batch each on the server. */
export const BATCH_SIZE = 250
const ATTEMPTS = 4

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A batch retried while the server says "post it again" or the network drops (with backoff). */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const retryable =
        !(error instanceof ApiError) || error.code === 'retry' || error.status >= 500
      if (!retryable || attempt >= ATTEMPTS) throw error
      await wait(250 * 2 ** attempt)
    }
  }
}

/** The dry run of the whole file, batch by batch, its counts summed and every error kept. */
export async function dryRun(
  rows: ImportRow[],
  onProgress: (done: number) => void,
): Promise<ImportCheck> {
  const total: ImportCheck = { errors: [], create: 0, update: 0, unchanged: 0 }
  for (let at = 0; at < rows.length; at += BATCH_SIZE) {
    const part = await withRetry(() => checkRows(rows.slice(at, at + BATCH_SIZE)))
    total.errors.push(...part.errors)
    total.create += part.create
    total.update += part.update
    total.unchanged += part.unchanged
    onProgress(Math.min(rows.length, at + BATCH_SIZE))
  }
  return total
}

/** SHA-256 of the file, in hex: an import of the same file resumes where it stopped. */
export async function fileHash(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Imports the rows: opens (or resumes) the file's job and posts batch after batch from the
 * first one not applied. A failure stops here; running it again resumes from the job.
 */
export async function runImport(
  file: { name: string; hash: string },
  rows: ImportRow[],
  mapping: ImportMapping,
  onProgress: (job: ImportJob, errors: RowError[]) => void,
): Promise<ImportJob> {
  let job = await startImport({
    fileName: file.name,
    fileHash: file.hash,
    totalRows: rows.length,
    batchSize: BATCH_SIZE,
    mapping,
  })
  onProgress(job, job.errors)
  for (let n = job.batchesDone; n * BATCH_SIZE < rows.length; n++) {
    const part = rows.slice(n * BATCH_SIZE, (n + 1) * BATCH_SIZE)
    const id = job.id
    const result = await withRetry(() => postBatch(id, n, part))
    job = result.job
    onProgress(job, job.errors)
  }
  return job
}
