import { createRoute, z } from '@hono/zod-openapi'
import { RecordOption, RecordOptionCreate, RecordOptionPatch } from '../../schema/record'
import { getOption, insertOption, listOptions, updateOption } from '../db/record-options'
import { notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'

const errors = errorResponses({ 404: 'No such list entry', 409: 'Stale version' })

/** The lists admins edit: client sources and loss / churn reasons. */
export const recordOptions = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/record-options',
      summary: 'Client sources and loss / churn reasons, archived ones included',
      responses: {
        200: jsonResponse(z.object({ options: z.array(RecordOption) }), 'The lists'),
      },
    }),
    async (c) => c.json({ options: await listOptions(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/record-options',
      summary: 'Add a source or a loss reason (admins)',
      request: { body: jsonBody(RecordOptionCreate) },
      responses: { 201: jsonResponse(RecordOption, 'Added'), ...errors },
    }),
    async (c) => {
      const id = crypto.randomUUID()
      await insertOption(c.env.DB, id, c.req.valid('json'), Date.now())
      const created = await getOption(c.env.DB, id)
      if (!created) throw notFound('List entry', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/record-options/{id}',
      summary: 'Rename, reorder or archive a list entry (admins; clients keep archived ones)',
      request: { params: IdParam, body: jsonBody(RecordOptionPatch) },
      responses: { 200: jsonResponse(RecordOption, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const option = await getOption(db, id)
      if (!option) throw notFound('List entry', id)
      if (option.version !== version) throw staleVersion('List entry', id, option)
      const next = { ...option, ...patch }
      if (!(await updateOption(db, next, version))) {
        throw staleVersion('List entry', id, (await getOption(db, id)) ?? option)
      }
      return c.json((await getOption(db, id)) ?? next, 200)
    },
  )
