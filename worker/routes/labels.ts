import { createRoute, z } from '@hono/zod-openapi'
import { Version } from '../../schema/common'
import { Label, LabelCreate, LabelPatch } from '../../schema/labels'
import {
  deleteLabel,
  getLabel,
  insertLabel,
  labelNameTaken,
  listLabels,
  updateLabel,
} from '../db/labels'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'

const errors = errorResponses({ 404: 'No such label', 409: 'Stale version or name taken' })

async function assertNameFree(db: D1Database, name: string, exceptId?: string) {
  if (await labelNameTaken(db, name, exceptId)) {
    const message = `A label named ${JSON.stringify(name)} already exists`
    throw new AppError(409, 'name_taken', message, {}, { name: [message] })
  }
}

/** The organisation's labels: everyone reads them, admins edit the list (`/labels`). */
export const labels = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/labels',
      summary: "The organisation's labels",
      responses: { 200: jsonResponse(z.object({ labels: z.array(Label) }), 'Labels') },
    }),
    async (c) => c.json({ labels: await listLabels(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/labels',
      summary: 'Add a label to the list',
      request: { body: jsonBody(LabelCreate) },
      responses: { 201: jsonResponse(Label, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      await assertNameFree(db, input.name)
      const id = crypto.randomUUID()
      await insertLabel(db, { id, ...input }, Date.now())
      const label = await getLabel(db, id)
      if (!label) throw notFound('Label', id)
      return c.json(label, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/labels/{id}',
      summary: 'Rename or recolour a label (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(LabelPatch) },
      responses: { 200: jsonResponse(Label, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const label = await getLabel(db, id)
      if (!label) throw notFound('Label', id)
      if (label.version !== version) throw staleVersion('Label', id, label)
      const next = { name: patch.name ?? label.name, color: patch.color ?? label.color }
      if (next.name !== label.name) await assertNameFree(db, next.name, id)
      if (!(await updateLabel(db, id, version, next, Date.now()))) {
        throw staleVersion('Label', id, (await getLabel(db, id)) ?? label)
      }
      return c.json((await getLabel(db, id)) ?? label, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/labels/{id}',
      summary: 'Remove a label from the list and from every card',
      request: {
        params: IdParam,
        query: z.object({ version: z.coerce.number().pipe(Version) }),
      },
      responses: { 204: { description: 'Removed' }, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version } = c.req.valid('query')
      const db = c.env.DB
      const label = await getLabel(db, id)
      if (!label) throw notFound('Label', id)
      if (!(await deleteLabel(db, id, version))) {
        throw staleVersion('Label', id, (await getLabel(db, id)) ?? label)
      }
      return c.body(null, 204)
    },
  )
