import { z } from '@hono/zod-openapi'
import { STAGE_ROLE_KINDS, TIERS } from './enums'
import { Id, IsoTime, SingleLine, Version } from './common'
import { CardFlag } from './flags'
import { Quadrant } from './kam'
import { ArchiveOutcome, OUTCOMES_WITH_REASON } from './record'
import { MAX_CARD_LABELS } from './labels'
import { DueDate } from './tasks'
import { LIMITS } from './limits'

export const Tier = z.enum(TIERS)
export type Tier = z.infer<typeof Tier>

export const StageRoleKind = z.enum(STAGE_ROLE_KINDS)
export type StageRoleKind = z.infer<typeof StageRoleKind>

/** Who acts on a card at its current stage: the client's people for the stage's three roles. */
export const Acting = z
  .object({ owner: Id.nullable(), communicator: Id.nullable(), support: Id.nullable() })
  .openapi('Acting')
export type Acting = z.infer<typeof Acting>

/** The client's person per journey role: role id → member id (at most one per role). */
export const People = z
  .record(Id, Id)
  .openapi('People', { example: { sales: 'm-14', account_manager: 'm-04' } })
export type People = Readonly<Record<string, string>>

/** Sets people (a member id) or removes them (null), role by role. */
export const PeopleChange = z.record(Id, Id.nullable()).openapi('PeopleChange')
export type PeopleChange = z.infer<typeof PeopleChange>

/** Why the pick is not the top suggestion (required then, on every path that sets a person). */
export const PickReason = z.string().trim().max(500)

/** The pre-roles shape: refused with a message that says what to send instead. */
export const OLD_ASSIGNEES_MESSAGE =
  'assignees is gone: send people {roleId: memberId} (e.g. {"account_manager": "m-04"}); ' +
  "who owns, talks and supports then follows from each stage's roles"
const RetiredAssignees = z
  .unknown()
  .refine((v) => v === undefined, OLD_ASSIGNEES_MESSAGE)
  .optional()
  .openapi({ deprecated: true, description: OLD_ASSIGNEES_MESSAGE })

const Name = SingleLine(LIMITS.name)

/** The checklist in brief, as the card shows it: open and done items, the open one due first. */
export const CardTasks = z
  .object({
    open: z.number().int().min(0),
    done: z.number().int().min(0),
    next: z.object({ title: z.string(), dueDate: DueDate }).nullable(),
  })
  .openapi('CardTasks')
export type CardTasks = z.infer<typeof CardTasks>

/** A card's labels: ids from GET /api/labels, each once. */
const LabelIds = z
  .array(Id)
  .max(MAX_CARD_LABELS)
  .refine((ids) => new Set(ids).size === ids.length, 'Each label once')

export const Client = z
  .object({
    id: Id,
    name: Name,
    company: Name,
    tier: Tier,
    score: z.number().int().min(LIMITS.score.min).max(LIMITS.score.max).nullable(),
    stageId: Id,
    position: z.string(),
    enteredStageAt: IsoTime,
    people: People,
    acting: Acting,
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
    archived: z.boolean(),
    /** When time in this stage passes the SLA, in working time (null: no working days). */
    dueAt: IsoTime.nullable(),
    /** 0 on time, 1 past the SLA, 2 past twice the SLA (set by the scheduled sweep). */
    overdueLevel: z.number().int().min(0).max(2),
    // The client's record on the card (issue 18): its KAM quadrant and its open flags.
    kam: Quadrant.nullable(),
    flags: z.array(CardFlag),
    labelIds: z.array(Id),
    /** The card's own due date (a calendar day), apart from the stage's SLA deadline. */
    dueDate: DueDate.nullable(),
    tasks: CardTasks,
  })
  .openapi('Client')
export type Client = z.infer<typeof Client>

export const ClientCreate = z
  .object({
    name: Name,
    company: Name,
    tier: Tier,
    score: z.number().int().min(LIMITS.score.min).max(LIMITS.score.max).nullable().default(null),
    stageId: Id,
    /** True: the card goes on top of the column (the board's "add a card" there); else last. */
    atTop: z.boolean().optional(),
    people: People.optional(),
    reason: PickReason.optional(),
    assignees: RetiredAssignees,
  })
  .strict()
  .openapi('ClientCreate')
export type ClientCreate = z.infer<typeof ClientCreate>

export const ClientPatch = z
  .object({
    version: Version,
    name: Name.optional(),
    company: Name.optional(),
    tier: Tier.optional(),
    score: z.number().int().min(LIMITS.score.min).max(LIMITS.score.max).nullable().optional(),
    people: PeopleChange.optional(),
    reason: PickReason.optional(),
    assignees: RetiredAssignees,
    archived: z.boolean().optional(),
    ...ArchiveOutcome,
    labelIds: LabelIds.optional(),
    dueDate: DueDate.nullable().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.outcome && p.archived !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'An outcome goes with archived: true',
      })
    }
    if (p.outcome && OUTCOMES_WITH_REASON.includes(p.outcome) && !p.outcomeReasonId) {
      const message = `A ${p.outcome} client needs a reason from the loss-reason list`
      ctx.addIssue({ code: 'custom', path: ['outcomeReasonId'], message })
    }
  })
  .openapi('ClientPatch')
export type ClientPatch = z.infer<typeof ClientPatch>

export const PersonPut = z
  .object({ memberId: Id, version: Version, reason: PickReason.optional() })
  .strict()
  .openapi('PersonPut')
export type PersonPut = z.infer<typeof PersonPut>

/** One role of a client with its person and when and why they were chosen. */
export const ClientPerson = z
  .object({
    roleId: Id,
    memberId: Id,
    assignedAt: IsoTime,
    assignedBy: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('ClientPerson')
export type ClientPerson = z.infer<typeof ClientPerson>

export const ClientMove = z
  .object({
    stageId: Id,
    beforeId: Id.optional(),
    afterId: Id.optional(),
    version: Version,
    force: z.boolean().optional(),
  })
  .strict()
  .refine((m) => !(m.beforeId && m.afterId), {
    message: 'Give beforeId or afterId, not both',
    path: ['beforeId'],
  })
  .openapi('ClientMove')
export type ClientMove = z.infer<typeof ClientMove>

export const ClientFilters = z.object({
  stageId: Id.optional(),
  tier: Tier.optional(),
  memberId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  archived: z.enum(['true', 'false']).optional(),
})
export type ClientFilters = z.infer<typeof ClientFilters>

export const ClientEvent = z
  .object({
    id: z.number().int(),
    clientId: Id,
    kind: z.string(),
    actorId: Id.nullable(),
    /** Who did it: the person's name, an API token's name, or null for the board's own jobs. */
    actorName: z.string().nullable(),
    fromStageId: Id.nullable(),
    toStageId: Id.nullable(),
    version: Version,
    data: z.record(z.string(), z.unknown()).nullable(),
    at: IsoTime,
  })
  .openapi('ClientEvent')
export type ClientEvent = z.infer<typeof ClientEvent>

/** A page of a client's history: `before` an event id (older ones), at most `limit` events. */
export const HistoryPage = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type HistoryPage = z.infer<typeof HistoryPage>

export const ClientHistory = z
  .object({
    events: z.array(ClientEvent),
    /** Ask again with `before` set to this for older events (null: this was the oldest). */
    next: z.number().int().nullable(),
  })
  .openapi('ClientHistory')
export type ClientHistory = z.infer<typeof ClientHistory>
