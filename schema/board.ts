import { z } from '@hono/zod-openapi'
import { CardTasks, Client, StageRoleKind, Tier } from './clients'
import { Id, Version } from './common'
import { CardFlag } from './flags'
import { Quadrant } from './kam'
import { DueDate } from './tasks'

/** A card's extras, each only when it says something (no quadrant, flag, label, due date, task). */
export const BoardCardExtras = z
  .object({
    kam: Quadrant.optional(),
    flags: z.array(CardFlag).optional(),
    labelIds: z.array(Id).optional(),
    dueDate: DueDate.optional(),
    tasks: CardTasks.optional(),
  })
  .openapi('BoardCardExtras')
export type BoardCardExtras = z.infer<typeof BoardCardExtras>

/** A member acting on the card: an index into the answer's `members` (null: nobody). */
const MemberRef = z.number().int().min(0).nullable()
/** A time as milliseconds since 1970 (UTC): 13 bytes where an ISO string takes 26. */
const EpochMs = z.number().int()

/**
 * A card as the board draws it, as an array in this order: what the card shows (name, company,
 * tier, score, the clock, who acts at this stage, the record's badges) and what a move sends back
 * (position, version). Its column names the stage; the client's people per role, times and
 * archive state come with the whole client, which the drawer reads. An array and member indexes,
 * not an object of member ids: a first screen is ~2,000 cards, and key names and ids repeated on
 * every card made most of its bytes (~490 a card with UUIDs, against ~200 now).
 */
export const BoardCard = z
  .tuple([
    Id.describe('id'),
    z.string().describe('name'),
    z.string().describe('company'),
    Tier.describe('tier'),
    Client.shape.score.describe('score'),
    z.string().describe('position: the order within the column'),
    EpochMs.describe('enteredStageAt, ms since 1970'),
    Version.describe('version: send it back with a move or an edit'),
    EpochMs.nullable().describe('dueAt: when time in the stage passes the SLA, ms since 1970'),
    Client.shape.overdueLevel.describe('overdueLevel: 0 on time, 1 past the SLA, 2 past twice'),
    z
      .tuple([MemberRef, MemberRef, MemberRef])
      .describe("acting: the stage's owner, communicator and support, as indexes into members"),
    BoardCardExtras.describe('extras: {} when the card has none'),
  ])
  .openapi('BoardCard')
export type BoardCard = z.infer<typeof BoardCard>

/** The member ids an answer's cards refer to by index (each id once). */
const Members = z.array(Id)

/** The names of a card's places in order, so a client can read cards without this schema. */
const CardFields = z
  .array(z.string())
  .describe("The names of a card array's places, in order (id, name, company, …)")

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

export const Board = z
  .object({
    cardFields: CardFields,
    members: Members,
    columns: z.array(BoardColumn),
    /**
     * The change feed's cursor as of these cards (read in the same transaction): pass it as
     * `since` to /api/changes, or keep it for the live board, to catch up on what came after.
     */
    feedCursor: z.number().int().min(0),
  })
  .openapi('Board')
export type Board = z.infer<typeof Board>

export const ColumnPage = z
  .object({
    stageId: Id,
    cardFields: CardFields,
    members: Members,
    cards: z.array(BoardCard),
    next: z.string().nullable(),
  })
  .openapi('ColumnPage')
export type ColumnPage = z.infer<typeof ColumnPage>
