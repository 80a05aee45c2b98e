import { z } from '@hono/zod-openapi'
import { Id, IsoTime } from './common'

/** The largest file a card takes (20 MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

export const Attachment = z
  .object({
    id: Id,
    clientId: Id,
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().min(0),
    uploadedBy: z.string().nullable(),
    /** The uploader's name (a person, or "API: <token name>"). */
    uploadedByName: z.string().nullable(),
    createdAt: IsoTime,
  })
  .openapi('Attachment')
export type Attachment = z.infer<typeof Attachment>

/** The file name travels in the query: the body is the file itself. */
export const AttachmentUploadQuery = z.object({
  name: z.string().min(1).max(1000).openapi({ example: 'Договор 2026.pdf' }),
})
