import { createRoute } from '@hono/zod-openapi'
import { BackupDocument, RestoreResult } from '../../schema/backup'
import { exportBackup, isEmpty, restoreBackup } from '../db/backup'
import { AppError } from '../errors'
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../router'

const errors = errorResponses({
  403: 'Admins only, signed in as themselves',
  409: 'The deployment is not empty',
})

/** The whole organisation out as one JSON document, and back into an empty deployment. */
export const backup = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/backup',
      summary: 'Download the whole organisation as one JSON document',
      responses: { 200: jsonResponse(BackupDocument, 'The backup document'), 403: errors[403] },
    }),
    async (c) => {
      const now = Date.now()
      const day = new Date(now).toISOString().slice(0, 10)
      c.header('content-disposition', `attachment; filename="journey-board-${day}.json"`)
      c.header('cache-control', 'no-store')
      return c.json(await exportBackup(c.env.DB, now), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/backup/restore',
      summary: 'Restore a backup into an empty deployment (everyone signs in again)',
      request: { body: jsonBody(BackupDocument) },
      responses: { 200: jsonResponse(RestoreResult, 'Restored'), ...errors },
    }),
    async (c) => {
      const user = c.get('identity')?.user
      if (!user) throw new AppError(403, 'forbidden', 'Restore needs an admin signed in as a user')
      const db = c.env.DB
      if (!(await isEmpty(db, user.id))) {
        throw new AppError(
          409,
          'not_empty',
          'This deployment already has members, clients, tasks, webhooks or other accounts: ' +
            'a backup restores only into an empty one',
        )
      }
      const restored = await restoreBackup(db, c.req.valid('json'), user.email)
      return c.json({ restored, signInAgain: true as const }, 200)
    },
  )
