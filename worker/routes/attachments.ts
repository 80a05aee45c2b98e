import { createRoute, z } from '@hono/zod-openapi'
import { Attachment, AttachmentUploadQuery } from '../../schema/attachments'
import { ErrorBody } from '../../schema/common'
import {
  deleteAttachment,
  getAttachment,
  insertAttachment,
  listAttachments,
} from '../db/attachments'
import {
  contentDisposition,
  contentTypeFor,
  mayRemoveAttachment,
  sanitizeFileName,
} from '../../shared/attachments'
import { AppError, notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonResponse } from '../router'
import { streamToBucket } from '../services/store-file'
import { assertClientExists, requireClient } from '../services/known-client'

const errors = errorResponses({
  403: 'Removing a file someone else uploaded (members remove their own)',
  404: 'No such client or file',
  409: 'The client is archived',
})
const refusal = (description: string) => jsonResponse(ErrorBody, description)
const Binary = z.string().openapi({ format: 'binary' })

const invalidName = (message: string) =>
  new AppError(422, 'invalid', message, {}, { name: [message] })

/** Files on a card: `/clients/:id/attachments` and `/attachments/:id`, the bytes in R2. */
export const attachments = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/attachments',
      summary: "A client's files, newest first",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ attachments: z.array(Attachment) }), 'Files'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      const files = await listAttachments(c.env.DB, id)
      return c.json({ attachments: files.map(({ r2Key: _, ...a }) => a) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/attachments',
      summary: 'Upload a file to a client (the body is the file; at most 20 MB)',
      description:
        'Types: pdf, Word, Excel, PowerPoint, OpenDocument, rtf, png, jpeg, gif, webp, txt, csv, zip. ' +
        'The name is cleaned (no path, control or direction characters; at most 120 characters).',
      request: {
        params: IdParam,
        query: AttachmentUploadQuery,
        body: { required: true, content: { 'application/octet-stream': { schema: Binary } } },
      },
      responses: {
        201: jsonResponse(Attachment, 'Stored'),
        ...errors,
        411: refusal('No Content-Length'),
        413: refusal('Larger than 20 MB'),
        415: refusal('A file type not on the list'),
      },
    }),
    async (c) => {
      const { id: clientId } = c.req.valid('param')
      const db = c.env.DB
      const name = sanitizeFileName(c.req.valid('query').name)
      if (!name) throw invalidName('The file name has no usable characters')
      const contentType = contentTypeFor(name)
      if (!contentType) {
        const message = `Files of this type are not accepted: ${name}`
        throw new AppError(415, 'unsupported_media_type', message, {}, { name: [message] })
      }
      const client = await requireClient(db, clientId)
      if (client.archived) throw new AppError(409, 'archived', `Client ${clientId} is archived`)
      const id = crypto.randomUUID()
      const r2Key = `attachments/${clientId}/${id}`
      const size = await streamToBucket(c.env.FILES, r2Key, c.req.raw, contentType)
      const file = { id, clientId, name, contentType, size, r2Key, uploadedBy: c.get('actorId') }
      try {
        await insertAttachment(db, file, Date.now())
      } catch (error) {
        // No row, no object: a file nobody can list must not stay in the bucket.
        await c.env.FILES.delete(r2Key)
        throw error
      }
      const stored = await getAttachment(db, id)
      if (!stored) throw notFound('Attachment', id)
      const { r2Key: _, ...answer } = stored
      return c.json(answer, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{id}',
      summary: 'Download a file (always as an attachment, never shown inline)',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: Binary } },
        },
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const file = await getAttachment(c.env.DB, id)
      if (!file) throw notFound('Attachment', id)
      const object = await c.env.FILES.get(file.r2Key)
      if (!object) throw notFound('Attachment', id)
      return c.body(object.body, 200, {
        'content-type': file.contentType,
        'content-length': String(object.size),
        'content-disposition': contentDisposition(file.name),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/attachments/{id}',
      summary: 'Remove a file (members their own, leads and admins any)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const db = c.env.DB
      const file = await getAttachment(db, id)
      if (!file) throw notFound('Attachment', id)
      const identity = c.get('identity')
      if (!identity || !mayRemoveAttachment(identity.role, identity.id, file.uploadedBy)) {
        throw new AppError(403, 'forbidden', 'Members remove only the files they uploaded')
      }
      // Bytes first: should the row's removal fail, the row stays and a retry deletes again.
      await c.env.FILES.delete(file.r2Key)
      if (!(await deleteAttachment(db, file, c.get('actorId'), Date.now()))) {
        throw notFound('Attachment', id)
      }
      return c.body(null, 204)
    },
  )
