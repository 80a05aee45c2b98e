import { z } from '@hono/zod-openapi'
import { LANGS } from './enums'
import { Tier } from './clients'
import { Id, LocalizedText } from './common'
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
  lang: z.enum(LANGS).default('en'),
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

/** A report's answer: the period and tables every report has, and its own chart data. */
const reportOf = <T extends z.ZodRawShape>(shape: T) => z.object({ ...ReportBody.shape, ...shape })

const Hours = z.number().nullable()
const Share = z.number().nullable()

/** Cumulative flow: cards per phase (or per stage of one phase) per day. */
export const FlowReport = reportOf({
  by: z.enum(['phase', 'stage']),
  days: z.array(z.string()),
  series: z.array(z.object({ id: z.string(), name: LocalizedText, values: z.array(z.number()) })),
}).openapi('FlowReport')
export type FlowReport = z.infer<typeof FlowReport>

/** Working hours per stage against its SLA, and the slowest cards. */
export const TimeInStageReport = reportOf({
  stages: z.array(
    z.object({
      id: z.string(),
      name: LocalizedText,
      phase: LocalizedText,
      visits: z.number(),
      p50: Hours,
      p85: Hours,
      max: Hours,
      sla: Hours,
      withinShare: Share,
    }),
  ),
  slowest: z.array(
    z.object({
      clientId: z.string(),
      company: z.string(),
      stageId: z.string(),
      stage: LocalizedText,
      hours: z.number(),
      sla: Hours,
      open: z.boolean(),
    }),
  ),
}).openapi('TimeInStageReport')
export type TimeInStageReport = z.infer<typeof TimeInStageReport>

/** Stage visits within SLA, grouped by a dimension (stage, role, member, grade). */
export const SlaReport = reportOf({
  groups: z.array(
    z.object({
      dimension: z.string(),
      heading: z.string(),
      rows: z.array(
        z.object({
          key: z.string().nullable(),
          name: z.string(),
          visits: z.number(),
          within: z.number(),
          share: Share,
          returns: z.number(),
        }),
      ),
    }),
  ),
}).openapi('SlaReport')
export type SlaReport = z.infer<typeof SlaReport>

/** Entries per milestone from acquisition to renewal. */
export const FunnelReport = reportOf({
  steps: z.array(z.object({ key: z.string(), count: z.number(), dropOff: Share })),
  medianJourneyDays: z.number().nullable(),
  medianJourneyCards: z.number(),
}).openapi('FunnelReport')
export type FunnelReport = z.infer<typeof FunnelReport>

/** A book's KPIs (worker/domain/reports/account-kpis.ts); money in minor units of `currency`. */
const Kpis = {
  clients: z.number(),
  gained: z.number(),
  growth: Share,
  revenue: z.number(),
  margin: z.number(),
  hours: z.number(),
  marginPerHour: z.number().nullable(),
  ltv: z.number().nullable(),
  nps: z.number().nullable(),
  answers: z.number(),
  renewed: z.number(),
  churned: z.number(),
  lost: z.number(),
  churnRate: Share,
  load: z.number(),
  capacity: z.number(),
  utilisation: Share,
}

/** Account KPIs per account manager, and each team's load and span. */
export const AccountsReport = reportOf({
  currency: z.string(),
  managers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      grade: Grade,
      lead: z.string().nullable(),
      ...Kpis,
      directReports: z.number(),
    }),
  ),
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      people: z.number(),
      ...Kpis,
      span: z.number(),
      spanLimit: z.number(),
    }),
  ),
}).openapi('AccountsReport')
export type AccountsReport = z.infer<typeof AccountsReport>

/** Each team's load by week ahead, when it passes capacity and span, and the what-if used. */
export const ForecastReport = reportOf({
  teams: z.array(
    z.object({
      leadId: z.string(),
      name: z.string(),
      weeks: z.array(
        z.object({
          date: z.string(),
          load: z.number(),
          capacity: z.number(),
          utilisation: Share,
          span: z.number(),
        }),
      ),
      overCapacity: z
        .object({
          date: z.string(),
          hireGrade: Grade,
          hireRoleId: z.string().nullable(),
          people: z.number(),
        })
        .nullable(),
      spanPassed: z.object({ date: z.string(), span: z.number() }).nullable(),
    }),
  ),
  inputs: z.object({
    windowDays: z.number(),
    weeks: z.number(),
    inflowChange: z.number(),
    addGrade: Grade.nullable(),
    spanLimit: z.number(),
    phases: z.array(
      z.object({
        phaseId: z.string(),
        arrivalsPerDay: z.number(),
        daysInPhase: z.number(),
        cardsNow: z.number(),
      }),
    ),
  }),
}).openapi('ForecastReport')
export type ForecastReport = z.infer<typeof ForecastReport>
