import { z } from '@hono/zod-openapi'
import { Id, IsoTime, LocalizedText, Version } from './common'

/** Working days after the newcomer's start by which a step should be done (null: no date). */
export const DueDays = z.number().int().min(1).max(365).nullable()

/** A step as an editor sends it: an existing step keeps its id (and its members' marks). */
export const TrackStepInput = z
  .discriminatedUnion('kind', [
    z
      .object({
        id: Id.optional(),
        kind: z.literal('article'),
        articleId: Id,
        dueDays: DueDays.default(null),
      })
      .strict(),
    z
      .object({
        id: Id.optional(),
        kind: z.literal('checklist'),
        title: LocalizedText,
        dueDays: DueDays.default(null),
      })
      .strict(),
  ])
  .openapi('TrackStepInput')
export type TrackStepInput = z.infer<typeof TrackStepInput>

/** The steps in the order the newcomer takes them (the order of the list is the order). */
const Steps = z.array(TrackStepInput).max(60)

export const TrackCreate = z
  .object({
    roleId: Id,
    title: LocalizedText,
    position: z.number().int().min(0).max(10_000).optional(),
    steps: Steps.default([]),
  })
  .strict()
  .openapi('TrackCreate')
export type TrackCreate = z.infer<typeof TrackCreate>

export const TrackPatch = z
  .object({
    version: Version,
    roleId: Id.optional(),
    title: LocalizedText.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    retired: z.boolean().optional(),
    steps: Steps.optional(),
  })
  .strict()
  .openapi('TrackPatch')
export type TrackPatch = z.infer<typeof TrackPatch>

/** A newcomer's mentor and start; `version` 0 sets the first one. */
export const MentorPut = z
  .object({
    mentorId: Id,
    /** The day the newcomer started (YYYY-MM-DD); step dates count from it. Default: today. */
    startedOn: z.iso.date().optional(),
    version: z.number().int().min(0),
  })
  .strict()
  .openapi('MentorPut')
export type MentorPut = z.infer<typeof MentorPut>

export const Mentorship = z
  .object({
    memberId: Id,
    mentorId: Id,
    startedAt: IsoTime,
    /** The start as a day in the organisation's time zone. */
    startedOn: z.iso.date(),
    version: Version,
  })
  .openapi('Mentorship')
export type Mentorship = z.infer<typeof Mentorship>
