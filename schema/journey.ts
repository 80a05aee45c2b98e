import { z } from '@hono/zod-openapi'
import { Id, LocalizedText, Version } from './common'
import { LIMITS } from './limits'

export const OverduePolicy = z.enum(['flag', 'return'])
export type OverduePolicy = z.infer<typeof OverduePolicy>

export const Role = z
  .object({ id: Id, name: LocalizedText, position: z.number().int() })
  .openapi('Role')
export type Role = z.infer<typeof Role>

export const StageRoles = z
  .object({ owner: Id, communicator: Id, support: Id })
  .strict()
  .openapi('StageRoles')
export type StageRoles = z.infer<typeof StageRoles>

export const Stage = z
  .object({
    id: Id,
    phaseId: Id,
    name: LocalizedText,
    position: z.number().int(),
    slaDays: z.number().int().min(LIMITS.slaDays.min).max(LIMITS.slaDays.max),
    overduePolicy: OverduePolicy,
    wipLimit: z.number().int().min(LIMITS.wipLimit.min).max(LIMITS.wipLimit.max).nullable(),
    description: z.object({ ru: z.string(), en: z.string() }),
    roles: StageRoles,
    archived: z.boolean(),
    version: Version,
    /** Active entry / delayed / message automations (editable under /stages/:id/automations). */
    automationCount: z.number().int().min(0),
  })
  .openapi('Stage')
export type Stage = z.infer<typeof Stage>

export const Phase = z
  .object({
    id: Id,
    name: LocalizedText,
    position: z.number().int(),
    version: Version,
    stages: z.array(Stage),
  })
  .openapi('Phase')
export type Phase = z.infer<typeof Phase>

export const Journey = z.object({ roles: z.array(Role), phases: z.array(Phase) }).openapi('Journey')
export type Journey = z.infer<typeof Journey>

const Description = z.object({ ru: z.string().max(4000), en: z.string().max(4000) }).strict()

export const StageCreate = z
  .object({
    phaseId: Id,
    name: LocalizedText,
    position: z.number().int().min(0).optional(),
    slaDays: z.number().int().min(LIMITS.slaDays.min).max(LIMITS.slaDays.max).default(3),
    overduePolicy: OverduePolicy.default('flag'),
    wipLimit: z
      .number()
      .int()
      .min(LIMITS.wipLimit.min)
      .max(LIMITS.wipLimit.max)
      .nullable()
      .default(null),
    description: Description.default({ ru: '', en: '' }),
    roles: StageRoles,
  })
  .strict()
  .openapi('StageCreate')
export type StageCreate = z.infer<typeof StageCreate>

export const StagePatch = z
  .object({
    version: Version,
    name: LocalizedText.optional(),
    position: z.number().int().min(0).optional(),
    slaDays: z.number().int().min(LIMITS.slaDays.min).max(LIMITS.slaDays.max).optional(),
    overduePolicy: OverduePolicy.optional(),
    wipLimit: z
      .number()
      .int()
      .min(LIMITS.wipLimit.min)
      .max(LIMITS.wipLimit.max)
      .nullable()
      .optional(),
    description: Description.optional(),
    roles: StageRoles.partial().strict().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .openapi('StagePatch')
export type StagePatch = z.infer<typeof StagePatch>

export const PhasePatch = z
  .object({
    version: Version,
    name: LocalizedText.optional(),
    position: z.number().int().min(0).optional(),
  })
  .strict()
  .openapi('PhasePatch')
export type PhasePatch = z.infer<typeof PhasePatch>
