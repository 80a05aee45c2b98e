import { z } from '@hono/zod-openapi'
import { PickReason, StageRoleKind, Tier } from './clients'
import { Id, Version } from './common'
import { Grade } from './members'

/** The pre-roles request named a slot: refused with what to send instead. */
export const OLD_ROLE_MESSAGE =
  'role (owner / communicator / support) is gone: send roleId, the journey role to fill ' +
  '(e.g. "account_manager"); the stages decide when that person owns, talks or supports'
const RetiredRole = z
  .unknown()
  .refine((v) => v === undefined, OLD_ROLE_MESSAGE)
  .optional()
  .openapi({ deprecated: true, description: OLD_ROLE_MESSAGE })

/** Who should take a journey role on a client: an existing one (`clientId`) or one to be signed. */
export const SuggestRequest = z
  .object({
    roleId: Id,
    role: RetiredRole,
    clientId: Id.optional(),
    tier: Tier.optional(),
    score: z.number().int().min(0).max(100).nullable().optional(),
    /** The stage a prospective client will be in (default: Account manager assigned). */
    stageId: Id.optional(),
    /** Admins: consider this lead's team only (a lead always gets their own team). */
    leadId: Id.optional(),
  })
  .strict()
  .refine((r) => (r.clientId === undefined) !== (r.tier === undefined), {
    message: 'Give clientId, or tier (and score) for a client not created yet',
    path: ['clientId'],
  })
  .refine((r) => r.clientId === undefined || (r.stageId === undefined && r.score === undefined), {
    message: 'stageId and score describe a prospective client; an existing one has its own',
    path: ['stageId'],
  })
  .openapi('SuggestRequest')
export type SuggestRequest = z.infer<typeof SuggestRequest>

const Fraction = z.number().openapi({ description: 'A fraction: 0.77 = 77%' })

export const Suggestion = z
  .object({
    client: z.object({
      id: Id.nullable(),
      tier: Tier,
      score: z.number().int().nullable(),
      stageId: Id,
      roleId: Id,
      /** The part the role plays in the client's phase: it sets the grade the role needs. */
      part: StageRoleKind,
      weight: z.number(),
    }),
    candidates: z.array(
      z.object({
        memberId: Id,
        name: z.string(),
        grade: Grade,
        utilizationBefore: Fraction,
        utilizationAfter: Fraction,
        overdueCount: z.number().int(),
        reasons: z.array(z.string()),
      }),
    ),
    excluded: z.array(
      z.object({
        memberId: Id,
        name: z.string(),
        grade: Grade,
        codes: z.array(z.string()),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .openapi('Suggestion')

export const AssignRequest = z
  .object({
    roleId: Id,
    role: RetiredRole,
    memberId: Id,
    version: Version,
    /** Required when the pick is not the top suggestion. */
    reason: PickReason.optional(),
  })
  .strict()
  .openapi('AssignRequest')
export type AssignRequest = z.infer<typeof AssignRequest>
