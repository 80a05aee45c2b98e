import { z } from '@hono/zod-openapi'
import { QUADRANTS } from './enums'
import { Id, IsoTime, Version } from './common'

/** Where a client sits in the KAM portfolio (see worker/domain/kam.ts). */
export const Quadrant = z.enum(QUADRANTS).openapi('KamQuadrant')
export type Quadrant = z.infer<typeof Quadrant>

const Rating = z.number().int().min(1).max(5)
/** A short rationale: why this rating, in a sentence or two. */
const Rationale = z.string().trim().min(1, 'Say why, in a sentence').max(500)

export const KamAssessment = z
  .object({
    clientId: Id,
    attractiveness: Rating,
    attractivenessNote: z.string(),
    relationship: Rating,
    relationshipNote: z.string(),
    quadrant: Quadrant,
    assessedBy: z.string().nullable(),
    /** Who rated it: the person's name, an API token's name, or null. */
    assessedByName: z.string().nullable(),
    assessedAt: IsoTime,
  })
  .openapi('KamAssessment')
export type KamAssessment = z.infer<typeof KamAssessment>

/** Sets the assessment; `version` is the client's (the assessment is part of the client). */
export const KamPut = z
  .object({
    version: Version,
    attractiveness: Rating,
    attractivenessNote: Rationale,
    relationship: Rating,
    relationshipNote: Rationale,
  })
  .strict()
  .openapi('KamPut')
export type KamPut = z.infer<typeof KamPut>

/** A tier-A client with no quadrant yet, as its lead sees it. */
export const KamMissing = z
  .object({
    clientId: Id,
    name: z.string(),
    company: z.string(),
    stageId: Id,
    accountManagerId: Id.nullable(),
    leadId: Id.nullable(),
  })
  .openapi('KamMissing')
export type KamMissing = z.infer<typeof KamMissing>
