import { z } from '@hono/zod-openapi'
import { Tier } from './clients'
import { Id } from './common'
import { Grade } from './members'

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'Not a calendar date')

/** The filters every report takes (all optional; the period defaults to the last 90 days). */
const ReportFields = z.object({
  from: Day.optional(),
  to: Day.optional(),
  phase: Id.optional(),
  tier: Tier.optional(),
  /** A lead: their team (the lead and everyone under them). */
  team: Id.optional(),
  member: Id.optional(),
  role: Id.optional(),
  lang: z.enum(['ru', 'en']).default('en'),
  /** `csv`: the named table (default the report's first) as a CSV file. */
  format: z.enum(['json', 'csv']).default('json'),
  table: z.string().max(32).optional(),
})

const ordered = (f: { from?: string | undefined; to?: string | undefined }) =>
  !f.from || !f.to || f.from <= f.to
const disorder = { message: 'The period ends before it starts', path: ['to'] }

export const ReportFilters = ReportFields.refine(ordered, disorder)
export type ReportFilters = z.infer<typeof ReportFilters>

/** The capacity forecast takes a what-if on top of the filters. */
export const ForecastFilters = ReportFields.extend({
  /** Change of the monthly inflow in percent: 20 = a fifth more new cards. */
  inflow: z.coerce.number().min(-100).max(300).default(0),
  /** Add one person of this grade to each team. */
  addGrade: Grade.optional(),
}).refine(ordered, disorder)

const Cell = z.union([z.string(), z.number(), z.null()])

/** A report's numbers as a table: what the page shows under the chart and the CSV holds. */
export const ReportTable = z
  .object({ columns: z.array(z.string()), rows: z.array(z.array(Cell)) })
  .openapi('ReportTable')
export type ReportTable = z.infer<typeof ReportTable>

/** Every report: its chart data (report-specific) and its tables, labelled in `lang`. */
export const ReportBody = z
  .looseObject({
    period: z.object({ from: z.string(), to: z.string() }),
    tables: z.record(z.string(), ReportTable),
  })
  .openapi('Report')
