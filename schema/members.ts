import { z } from '@hono/zod-openapi'
import { GRADES } from './enums'
import { Id, IsoTime, SingleLine, Version } from './common'
import { LIMITS } from './limits'

export const Grade = z.enum(GRADES)
export type Grade = z.infer<typeof Grade>

const Name = SingleLine(LIMITS.name)

export const Member = z
  .object({
    id: Id,
    name: Name,
    email: z.email(),
    grade: Grade,
    roleIds: z.array(Id),
    managerId: Id.nullable(),
    capacityOverride: z.number().min(LIMITS.capacity.min).max(LIMITS.capacity.max).nullable(),
    active: z.boolean(),
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi('Member')
export type Member = z.infer<typeof Member>

export const MemberCreate = z
  .object({
    name: Name,
    email: z.email().max(254),
    grade: Grade,
    roleIds: z.array(Id).max(20).default([]),
    managerId: Id.nullable().default(null),
    capacityOverride: z
      .number()
      .min(LIMITS.capacity.min)
      .max(LIMITS.capacity.max)
      .nullable()
      .default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('MemberCreate')
export type MemberCreate = z.infer<typeof MemberCreate>

export const MemberPatch = z
  .object({
    version: Version,
    name: Name.optional(),
    email: z.email().max(254).optional(),
    grade: Grade.optional(),
    roleIds: z.array(Id).max(20).optional(),
    managerId: Id.nullable().optional(),
    capacityOverride: z
      .number()
      .min(LIMITS.capacity.min)
      .max(LIMITS.capacity.max)
      .nullable()
      .optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('MemberPatch')
export type MemberPatch = z.infer<typeof MemberPatch>
