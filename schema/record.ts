import { z } from '@hono/zod-openapi'
import { OUTCOMES } from './enums'
import { Id, IsoTime, LocalizedText, Version } from './common'

const Day = z.iso.date().openapi({ example: '2026-12-01' })

/**
 * Money in minor units (kopecks, cents): integers only, up to 10^12 (ten billion roubles), so a
 * margin per hour over ten years stays an exact JSON number.
 */
export const Money = z.number().int().min(0).max(1_000_000_000_000).openapi({ example: 150000000 })

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'A currency is three capital letters (ISO 4217), e.g. RUB')
  .openapi({ example: 'RUB' })

export const Outcome = z.enum(OUTCOMES)
export type Outcome = z.infer<typeof Outcome>

/** Outcomes that need a reason from the loss-reason list. */
export const OUTCOMES_WITH_REASON: readonly Outcome[] = ['lost', 'churned']

/** Money, source and outcome of a client: one row per client, versioned on its own. */
export const ClientProfile = z
  .object({
    clientId: Id,
    sourceId: Id.nullable(),
    currency: Currency,
    contractValue: Money.nullable(),
    monthlyRevenue: Money.nullable(),
    marginPercent: z.number().int().min(-100).max(100).nullable(),
    startDate: Day.nullable(),
    renewalDate: Day.nullable(),
    outcome: Outcome.nullable(),
    outcomeReasonId: Id.nullable(),
    outcomeNote: z.string(),
    version: Version,
  })
  .openapi('ClientProfile')
export type ClientProfile = z.infer<typeof ClientProfile>

export const ClientProfilePatch = z
  .object({
    version: Version,
    sourceId: Id.nullable().optional(),
    currency: Currency.optional(),
    contractValue: Money.nullable().optional(),
    monthlyRevenue: Money.nullable().optional(),
    marginPercent: z.number().int().min(-100).max(100).nullable().optional(),
    startDate: Day.nullable().optional(),
    renewalDate: Day.nullable().optional(),
  })
  .strict()
  .openapi('ClientProfilePatch')
export type ClientProfilePatch = z.infer<typeof ClientProfilePatch>

/** How a card left the board, sent with `archived: true` (lost and churned need a reason). */
export const ArchiveOutcome = {
  outcome: Outcome.optional(),
  outcomeReasonId: Id.optional(),
  outcomeNote: z.string().trim().max(1000).optional(),
}

export const TimeEntry = z
  .object({
    id: Id,
    clientId: Id,
    memberId: Id,
    memberName: z.string().nullable(),
    minutes: z.number().int().min(1).max(1440),
    spentOn: Day,
    note: z.string(),
    createdAt: IsoTime,
  })
  .openapi('TimeEntry')
export type TimeEntry = z.infer<typeof TimeEntry>

export const TimeEntryCreate = z
  .object({
    minutes: z.number().int().min(1).max(1440),
    spentOn: Day,
    note: z.string().trim().max(500).default(''),
    /** Who worked; the caller's own member when left out. */
    memberId: Id.optional(),
  })
  .strict()
  .openapi('TimeEntryCreate')
export type TimeEntryCreate = z.infer<typeof TimeEntryCreate>

export const NpsAnswer = z
  .object({
    id: Id,
    clientId: Id,
    contactId: Id,
    score: z.number().int().min(0).max(10),
    comment: z.string(),
    answeredOn: Day,
    createdAt: IsoTime,
  })
  .openapi('NpsAnswer')
export type NpsAnswer = z.infer<typeof NpsAnswer>

export const NpsCreate = z
  .object({
    contactId: Id,
    score: z.number().int().min(0).max(10),
    comment: z.string().trim().max(2000).default(''),
    answeredOn: Day,
  })
  .strict()
  .openapi('NpsCreate')
export type NpsCreate = z.infer<typeof NpsCreate>

export const OptionList = z.enum(['source', 'loss_reason'])
export type OptionList = z.infer<typeof OptionList>

/** An entry of a list admins edit: client sources, loss and churn reasons. */
export const RecordOption = z
  .object({
    id: Id,
    list: OptionList,
    name: LocalizedText,
    position: z.number().int(),
    archived: z.boolean(),
    version: Version,
  })
  .openapi('RecordOption')
export type RecordOption = z.infer<typeof RecordOption>

export const RecordOptionCreate = z
  .object({ list: OptionList, name: LocalizedText, position: z.number().int().min(0).max(1000) })
  .strict()
  .openapi('RecordOptionCreate')
export type RecordOptionCreate = z.infer<typeof RecordOptionCreate>

export const RecordOptionPatch = z
  .object({
    version: Version,
    name: LocalizedText.optional(),
    position: z.number().int().min(0).max(1000).optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .openapi('RecordOptionPatch')
export type RecordOptionPatch = z.infer<typeof RecordOptionPatch>

const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is YYYY-MM')
  .openapi({ example: '2026-11' })

export const MarginQuery = z.object({ from: Month.optional(), to: Month.optional() })

/** Margin earned over the months, the hours logged in them, and margin per hour (minor units). */
export const MarginLine = z.object({
  currency: Currency,
  margin: z.number().int(),
  minutes: z.number().int().min(0),
  /** null when no time was logged. */
  marginPerHour: z.number().int().nullable(),
})

export const MarginReport = z
  .object({
    from: Month,
    to: Month,
    clients: z.array(
      MarginLine.extend({ clientId: Id, name: z.string(), accountManagerId: Id.nullable() }),
    ),
    managers: z.array(MarginLine.extend({ memberId: Id, name: z.string() })),
  })
  .openapi('MarginReport')
export type MarginReport = z.infer<typeof MarginReport>
