import { z } from '@hono/zod-openapi'
import { Id } from './common'
import { Grade } from './members'
import { LIMITS } from './limits'

const Weight = z.number().min(LIMITS.loadWeight.min).max(LIMITS.loadWeight.max)
const Factor = z.number().min(0).max(10)

/** The load model's weights and thresholds (DOMAIN.md defaults; admins edit them). */
export const LoadSettings = z
  .object({
    /** Load points a member of each grade carries at 100%. */
    capacity: z
      .object({ intern: Weight, junior: Weight, middle: Weight, senior: Weight, lead: Weight })
      .strict(),
    tierWeight: z.object({ A: Weight, B: Weight, C: Weight }).strict(),
    roleWeight: z.object({ owner: Factor, communicator: Factor, support: Factor }).strict(),
    /** Effort factor per phase id; a phase missing here counts 1. */
    phaseEffort: z.record(Id, Factor),
    /** The lowest grade that may own or talk to a client of each tier. */
    minGrade: z.object({ A: Grade, B: Grade, C: Grade }).strict(),
    /** The lowest grade that may support a client (interns learn by supporting). */
    supportMinGrade: Grade,
    /** Utilisation above which a member is overloaded (1 = 100%). */
    overloadedAbove: Factor,
    /** Utilisation below which a same-grade peer can take clients over. */
    underloadedBelow: Factor,
    /** Direct reports above which a lead's span of control is flagged. */
    spanOfControl: z.number().int().min(1).max(100),
  })
  .strict()
  .refine((s) => s.underloadedBelow <= s.overloadedAbove, {
    message: 'underloadedBelow must not exceed overloadedAbove',
    path: ['underloadedBelow'],
  })
  .openapi('LoadSettings')
export type LoadSettings = z.infer<typeof LoadSettings>

export const LoadSettingsDoc = z
  .object({ load: LoadSettings, version: z.number().int().min(0) })
  .openapi('LoadSettingsDoc')

export const LoadSettingsPatch = z
  .object({ load: LoadSettings, version: z.number().int().min(0) })
  .strict()
  .openapi('LoadSettingsPatch')
