import { z } from '@hono/zod-openapi'
import { Id, IsoTime, LocalizedText, Version } from './common'
import { Grade } from './members'
import { DueDays } from './onboarding-tracks'

export const OnboardingItemKind = z.enum(['article', 'checklist'])
export type OnboardingItemKind = z.infer<typeof OnboardingItemKind>

/** `todo` clears a mark; articles are marked `read`, checklist items `done`. */
export const ProgressStatus = z.enum(['todo', 'read', 'done'])
export type ProgressStatus = z.infer<typeof ProgressStatus>

export const OnboardingItem = z
  .object({
    id: Id,
    kind: OnboardingItemKind,
    position: z.number().int(),
    title: LocalizedText,
    /** An article item's versions by language (null where that language has none). */
    articleIds: z.object({ ru: Id.nullable(), en: Id.nullable() }).nullable(),
    dueDays: DueDays,
  })
  .openapi('OnboardingItem')
export type OnboardingItem = z.infer<typeof OnboardingItem>

export const OnboardingTrack = z
  .object({
    id: Id,
    roleId: Id,
    title: LocalizedText,
    position: z.number().int(),
    retired: z.boolean(),
    version: Version,
    items: z.array(OnboardingItem),
  })
  .openapi('OnboardingTrack')
export type OnboardingTrack = z.infer<typeof OnboardingTrack>

export const Counts = z.object({ total: z.number().int(), completed: z.number().int() })

export const MyOnboardingItem = OnboardingItem.extend({
  status: ProgressStatus,
  at: IsoTime.nullable(),
  /** When the step is due, counted from the start the lead set with the mentor (else null). */
  dueAt: IsoTime.nullable(),
})

export const MyOnboarding = z
  .object({
    /** Null for an account that acts as no journey member (it has no tracks). */
    memberId: Id.nullable(),
    roleIds: z.array(Id),
    /** Stages where one of the member's roles is owner, communicator or support. */
    stageIds: z.array(Id),
    /** The newcomer's mentor, set by a lead or an admin. */
    mentor: z.object({ id: Id, name: z.string() }).nullable(),
    tracks: z.array(OnboardingTrack.extend({ items: z.array(MyOnboardingItem), ...Counts.shape })),
    ...Counts.shape,
  })
  .openapi('MyOnboarding')
export type MyOnboarding = z.infer<typeof MyOnboarding>

export const ProgressInput = z
  .object({ itemId: Id, status: ProgressStatus })
  .strict()
  .openapi('ProgressInput')
export type ProgressInput = z.infer<typeof ProgressInput>

export const ProgressResult = z
  .object({ itemId: Id, status: ProgressStatus, at: IsoTime.nullable() })
  .openapi('ProgressResult')

export const TeamProgress = z
  .object({
    members: z.array(
      z.object({
        memberId: Id,
        name: z.string(),
        grade: Grade,
        roleIds: z.array(Id),
        lastActivityAt: IsoTime.nullable(),
        tracks: z.array(z.object({ trackId: Id, roleId: Id, ...Counts.shape })),
        ...Counts.shape,
      }),
    ),
  })
  .openapi('TeamProgress')
export type TeamProgress = z.infer<typeof TeamProgress>
