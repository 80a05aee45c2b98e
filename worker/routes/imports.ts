import { createRoute, z } from '@hono/zod-openapi'
import {
  BatchParam,
  ImportCheck,
  ImportCreate,
  ImportJob,
  ImportRows,
  RowError,
} from '../../schema/imports'
import { batchApplied, getJob, insertJob, runningJobFor, writeBatch } from '../db/imports'
import { AppError, notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { IMPORT_REASON, planBatch } from '../services/import-batch'

const errors = errorResponses({
  403: 'Leads and admins only',
  404: 'No such import',
  409: 'Batch out of turn, or the board changed while it was prepared (post it again)',
})

const BatchResult = z
  .object({ job: ImportJob, applied: z.boolean(), errors: z.array(RowError) })
  .openapi('ImportBatchResult')

/** A D1 batch refused by a constraint: the batch guard, or an external id taken meanwhile. */
const isConstraint = (e: unknown) => e instanceof Error && /constraint failed/i.test(e.message)

/**
 * Client imports: the web parses the file and maps its columns, checks rows (the dry run),
 * then opens a job and posts its rows batch by batch; each batch applies once, whatever retries.
 */
export const imports = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/check',
      summary: 'Dry run: what these rows would do, and every row error with its line',
      request: { body: jsonBody(ImportRows) },
      responses: { 200: jsonResponse(ImportCheck, 'The check'), 403: errors[403] },
    }),
    async (c) => {
      const plan = await planBatch(
        c.env.DB,
        c.req.valid('json').rows,
        c.get('identity'),
        Date.now(),
      )
      return c.json(
        {
          errors: plan.errors,
          create: plan.creates.length,
          update: plan.updates.length,
          unchanged: plan.unchanged,
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Start an import, or resume the unfinished one of the same file',
      request: { body: jsonBody(ImportCreate) },
      responses: {
        200: jsonResponse(ImportJob, 'The unfinished import of this file, to resume'),
        201: jsonResponse(ImportJob, 'Started'),
        403: errors[403],
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      const running = await runningJobFor(db, input.fileHash)
      if (
        running &&
        running.totalRows === input.totalRows &&
        running.batchSize === input.batchSize
      ) {
        return c.json(running, 200)
      }
      const id = crypto.randomUUID()
      await insertJob(db, id, input, c.get('actorId'), Date.now())
      const job = await getJob(db, id)
      if (!job) throw notFound('Import', id)
      return c.json(job, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'An import and its progress',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ImportJob, 'The import'), 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const job = await getJob(c.env.DB, id)
      if (!job) throw notFound('Import', id)
      return c.json(job, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/batches/{n}',
      summary: 'Apply batch n (from 0) of an import; a batch applied before changes nothing',
      request: { params: BatchParam, body: jsonBody(ImportRows) },
      responses: { 200: jsonResponse(BatchResult, 'Applied, or applied before'), ...errors },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param')
      const { rows } = c.req.valid('json')
      const db = c.env.DB
      const job = await getJob(db, id)
      if (!job) throw notFound('Import', id)
      if (n < job.batchesDone) return c.json({ job, applied: false, errors: [] }, 200)
      if (n > job.batchesDone || job.status === 'done') {
        throw new AppError(409, 'out_of_turn', `Batch ${job.batchesDone} comes next, not ${n}`, {
          next: job.batchesDone,
        })
      }
      if (rows.length > job.batchSize) {
        const message = `at most ${job.batchSize} rows per batch in this import`
        throw new AppError(422, 'invalid', message, {}, { rows: [message] })
      }
      const now = Date.now()
      const plan = await planBatch(db, rows, c.get('identity'), now)
      try {
        await writeBatch(db, {
          ...plan,
          jobId: id,
          batchNo: n,
          counts: {
            rows: rows.length,
            created: plan.creates.length,
            updated: plan.updates.length,
            unchanged: plan.unchanged,
            failed: plan.failedLines,
          },
          actorId: c.get('actorId'),
          reason: IMPORT_REASON,
          now,
        })
      } catch (e) {
        if (!isConstraint(e)) throw e
        const current = (await getJob(db, id)) ?? job
        if (await batchApplied(db, id, n))
          return c.json({ job: current, applied: false, errors: [] }, 200)
        throw new AppError(
          409,
          'retry',
          'The board changed while this batch was prepared; nothing was written: post it again',
        )
      }
      return c.json({ job: (await getJob(db, id)) ?? job, applied: true, errors: plan.errors }, 200)
    },
  )
