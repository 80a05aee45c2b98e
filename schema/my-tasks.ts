import { z } from '@hono/zod-openapi'
import { Id, Version } from './common'

/** An open task of the caller, with its card's name. */
export const MyTask = z
  .object({
    id: Id,
    clientId: Id,
    clientName: z.string(),
    title: z.string(),
    dueDate: z.iso.date().nullable(),
    version: Version,
  })
  .openapi('MyTask')
export type MyTask = z.infer<typeof MyTask>
