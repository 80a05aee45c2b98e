import { z } from '@hono/zod-openapi'
import { Id, IsoTime, SingleLine, Version } from './common'

export const Tier = z.enum(['A', 'B', 'C'])
export type Tier = z.infer<typeof Tier>

export const StageRoleKind = z.enum(['owner', 'communicator', 'support'])
export type StageRoleKind = z.infer<typeof StageRoleKind>

export const Assignees = z
  .object({ owner: Id.nullable(), communicator: Id.nullable(), support: Id.nullable() })
  .openapi('Assignees')
export type Assignees = z.infer<typeof Assignees>

const Name = SingleLine(200)

export const Client = z
  .object({
    id: Id,
    name: Name,
    company: Name,
    tier: Tier,
    score: z.number().int().min(0).max(100).nullable(),
    stageId: Id,
    position: z.string(),
    enteredStageAt: IsoTime,
    assignees: Assignees,
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
    archived: z.boolean(),
    /** When time in this stage passes the SLA, in working time (null: no working days). */
    dueAt: IsoTime.nullable(),
    /** 0 on time, 1 past the SLA, 2 past twice the SLA (set by the scheduled sweep). */
    overdueLevel: z.number().int().min(0).max(2),
  })
  .openapi('Client')
export type Client = z.infer<typeof Client>

export const ClientCreate = z
  .object({
    name: Name,
    company: Name,
    tier: Tier,
    score: z.number().int().min(0).max(100).nullable().default(null),
    stageId: Id,
    assignees: Assignees.partial().strict().optional(),
  })
  .strict()
  .openapi('ClientCreate')
export type ClientCreate = z.infer<typeof ClientCreate>

export const ClientPatch = z
  .object({
    version: Version,
    name: Name.optional(),
    company: Name.optional(),
    tier: Tier.optional(),
    score: z.number().int().min(0).max(100).nullable().optional(),
    assignees: Assignees.partial().strict().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .openapi('ClientPatch')
export type ClientPatch = z.infer<typeof ClientPatch>

export const ClientMove = z
  .object({
    stageId: Id,
    beforeId: Id.optional(),
    afterId: Id.optional(),
    version: Version,
    force: z.boolean().optional(),
  })
  .strict()
  .refine((m) => !(m.beforeId && m.afterId), {
    message: 'Give beforeId or afterId, not both',
    path: ['beforeId'],
  })
  .openapi('ClientMove')
export type ClientMove = z.infer<typeof ClientMove>

export const ClientFilters = z.object({
  stageId: Id.optional(),
  tier: Tier.optional(),
  memberId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  archived: z.enum(['true', 'false']).optional(),
})
export type ClientFilters = z.infer<typeof ClientFilters>

export const ClientEvent = z
  .object({
    id: z.number().int(),
    clientId: Id,
    kind: z.string(),
    actorId: Id.nullable(),
    /** Who did it: the person's name, an API token's name, or null for the board's own jobs. */
    actorName: z.string().nullable(),
    fromStageId: Id.nullable(),
    toStageId: Id.nullable(),
    version: Version,
    data: z.record(z.string(), z.unknown()).nullable(),
    at: IsoTime,
  })
  .openapi('ClientEvent')
export type ClientEvent = z.infer<typeof ClientEvent>
