import { expect } from 'vitest'
import type { ImportMapping } from '../../shared/import-map'
import type { ImportRow } from '../../schema/imports'
import { api } from './helpers'

/** The client columns of an amoCRM export as Russian Excel saves it, mapped. */
export const CLIENT_MAPPING: ImportMapping = {
  ID: 'externalId',
  Название: 'name',
  Компания: 'company',
  Категория: 'tier',
  Скоринг: 'score',
  Этап: 'stage',
}

/** Imports rows as a lead, as the web does: a job, then its batches in turn; the job after. */
export async function runImport(rows: ImportRow[], mapping: ImportMapping, batchSize: number) {
  const start = await api('/imports', {
    method: 'POST',
    as: 'lead',
    json: {
      fileName: 'amo.csv',
      fileHash: crypto.randomUUID().replaceAll('-', '').repeat(2),
      totalRows: rows.length,
      batchSize,
      mapping,
    },
  })
  expect(start.status).toBe(201)
  const id = start.body.id as string
  for (let n = 0; n * batchSize < rows.length; n++) {
    const res = await api(`/imports/${id}/batches/${n}`, {
      method: 'POST',
      as: 'lead',
      json: { rows: rows.slice(n * batchSize, (n + 1) * batchSize) },
    })
    expect(res.status).toBe(200)
    expect(res.body.applied).toBe(true)
  }
  return (await api(`/imports/${id}`, { as: 'lead' })).body
}
