import { Quadrant } from './kam'
import { z } from '@hono/zod-openapi'
import { Client, StageRoleKind } from './clients'
import { Id } from './common'

/**
 * A card as the board draws it: what the card shows (name, company, tier, score, the clock, who
 * acts at this stage, the record's badges) and what a move sends back (position, version). Its
 * column names the stage; the client's people per role, times and archive state come with the
 * whole client, which the drawer reads. Empty extras (no quadrant, flag, label, due date or task)
 * are left out: on a 2,000-card board they were a fifth of the answer.
 */
export const BoardCard = Client.pick({
  id: true,
  name: true,
  company: true,
  tier: true,
  score: true,
  position: true,
  enteredStageAt: true,
  acting: true,
  version: true,
  dueAt: true,
  overdueLevel: true,
})
  .extend({
    kam: Client.shape.kam.optional(),
    flags: Client.shape.flags.optional(),
    labelIds: Client.shape.labelIds.optional(),
    dueDate: Client.shape.dueDate.optional(),
    tasks: Client.shape.tasks.optional(),
  })
  .openapi('BoardCard')
export type BoardCard = z.infer<typeof BoardCard>

/** The board card of a client: its extras only when they say something. */
export function boardCardOf(client: Client): BoardCard {
  const { kam, flags, labelIds, dueDate, tasks } = client
  return {
    id: client.id,
    name: client.name,
    company: client.company,
    tier: client.tier,
    score: client.score,
    position: client.position,
    enteredStageAt: client.enteredStageAt,
    acting: client.acting,
    version: client.version,
    dueAt: client.dueAt,
    overdueLevel: client.overdueLevel,
    ...(kam === null ? {} : { kam }),
    ...(flags.length === 0 ? {} : { flags }),
    ...(labelIds.length === 0 ? {} : { labelIds }),
    ...(dueDate === null ? {} : { dueDate }),
    ...(tasks.open + tasks.done === 0 && tasks.next === null ? {} : { tasks }),
  }
}

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
