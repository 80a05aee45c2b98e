import { Quadrant } from './kam'
import { z } from '@hono/zod-openapi'
import { Client, StageRoleKind } from './clients'
import { Id } from './common'

/** A card as the board draws it: no creation or edit times, and it is live by definition. */
export const BoardCard = Client.omit({ createdAt: true, updatedAt: true, archived: true }).openapi(
  'BoardCard',
)
export type BoardCard = z.infer<typeof BoardCard>

/** Cards a column sends at a time: some ten show, the rest come as the column scrolls. */
export const COLUMN_PAGE = 50

/** What narrows the board's cards; the web keeps the same filters in its URL. */
export const BoardFilters = z.object({
  /** Cards where this member holds one of the stage's three roles (or the one `as` names). */
  memberId: Id.optional(),
  as: StageRoleKind.optional(),
  /** Only stages where this journey role takes part (as `as`, if given). */
  role: Id.optional(),
  /** Comma-separated tiers, e.g. `A,B`. */
  tier: z
    .string()
    .regex(/^[ABC](,[ABC])*$/, 'Tiers are A, B or C, separated by commas')
    .optional(),
  overdue: z.enum(['1']).optional(),
  q: z.string().trim().max(200).optional(),
  /** Cards carrying this label. */
  label: Id.optional(),
  /** Key accounts in this KAM quadrant. */
  kam: Quadrant.optional(),
})
export type BoardFilters = z.infer<typeof BoardFilters>

export const BoardQuery = BoardFilters.extend({
  /** Cards per column (0: counts only). */
  limit: z.coerce.number().int().min(0).max(200).default(COLUMN_PAGE),
})

export const ColumnQuery = BoardFilters.extend({
  /** The `next` of the page before. */
  after: z.string().min(1).max(400),
  limit: z.coerce.number().int().min(1).max(200).default(COLUMN_PAGE),
})

export const BoardColumn = z
  .object({
    stageId: Id,
    /** Live cards in the column, filters aside (what the WIP limit counts). */
    total: z.number().int().min(0),
    /** Cards the filters leave. */
    count: z.number().int().min(0),
    cards: z.array(BoardCard),
    /** Pass as `after` for the column's next page (null: this was the last). */
    next: z.string().nullable(),
  })
  .openapi('BoardColumn')
export type BoardColumn = z.infer<typeof BoardColumn>

export const Board = z.object({ columns: z.array(BoardColumn) }).openapi('Board')
export type Board = z.infer<typeof Board>

export const ColumnPage = z
  .object({ stageId: Id, cards: z.array(BoardCard), next: z.string().nullable() })
  .openapi('ColumnPage')
export type ColumnPage = z.infer<typeof ColumnPage>
