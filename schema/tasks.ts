import { z } from '@hono/zod-openapi'
import { Id, IsoTime, SingleLine, Version } from './common'

/** A calendar day (tasks, a card's own due date). */
export const DueDate = z.iso.date().openapi({ example: '2026-12-01' })

export const Task = z
  .object({
    id: Id,
    clientId: Id,
    title: z.string(),
    assigneeRoleId: Id.nullable(),
    assigneeMemberId: Id.nullable(),
    dueDate: DueDate.nullable(),
    done: z.boolean(),
    doneAt: IsoTime.nullable(),
    createdBy: z.object({ kind: z.enum(['person', 'automation']), id: z.string().nullable() }),
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi('Task')
export type Task = z.infer<typeof Task>

const Title = SingleLine(500)

export const TaskCreate = z
  .object({
    title: Title,
    assigneeRoleId: Id.nullable().default(null),
    assigneeMemberId: Id.nullable().default(null),
    dueDate: DueDate.nullable().default(null),
  })
  .strict()
  .openapi('TaskCreate')
export type TaskCreate = z.infer<typeof TaskCreate>

export const TaskPatch = z
  .object({
    version: Version,
    title: Title.optional(),
    assigneeRoleId: Id.nullable().optional(),
    assigneeMemberId: Id.nullable().optional(),
    dueDate: DueDate.nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict()
  .openapi('TaskPatch')
export type TaskPatch = z.infer<typeof TaskPatch>
