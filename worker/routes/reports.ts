import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  AccountsReport,
  FlowReport,
  ForecastFilters,
  ForecastReport,
  FunnelReport,
  ReportBody,
  ReportFilters,
  SlaReport,
  TimeInStageReport,
} from '../../schema/reports'
import { memberNames } from '../db/digest'
import { journeyNames } from '../db/reports'
import { tableCsv } from '../../shared/csv-write'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { createRouter, errorResponses } from '../router'
import { flowReport, funnelReport } from '../services/reports/flow-reports'
import { reportScope, type ReportScope } from '../services/reports/scope'
import { slaReport, timeInStageReport } from '../services/reports/stage-reports'
import { accountsReport } from '../services/reports/accounts-report'
import { forecastReport } from '../services/reports/team-reports'
import { countsSnapshot } from '../services/team-snapshot'

const errors = errorResponses({ 403: 'Outside the figures the caller may see' })

const report = <S extends typeof ReportBody>(path: string, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    summary,
    request: { query: ReportFilters },
    responses: {
      200: {
        description: 'The report (format=csv: one of its tables as CSV)',
        content: {
          'application/json': { schema },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      ...errors,
    },
  })

type Built = { tables: Record<string, { columns: string[]; rows: (string | number | null)[][] }> }

/** Answers the report as JSON with its period, or one of its tables as a CSV download. */
function answer(c: Context<AppEnv>, name: string, s: ReportScope, f: ReportFilters, built: Built) {
  if (f.format === 'csv') {
    const key = f.table ?? Object.keys(built.tables)[0] ?? ''
    const table = built.tables[key]
    if (!table) {
      const known = Object.keys(built.tables).join(', ')
      throw new AppError(422, 'invalid', `No table ${key}`, {}, { table: [`One of: ${known}`] })
    }
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${name}-${key}-${s.from}-${s.to}.csv"`)
    return c.body(tableCsv(table.columns, table.rows, s.lang), 200)
  }
  return c.json({ period: { from: s.from, to: s.to }, ...built }, 200)
}

/** The reports: flow, time in stage, SLA, funnel, account KPIs and the capacity forecast. */
export const reports = createRouter()
  .openapi(
    report(
      '/reports/flow',
      'Cumulative flow: cards per phase (or per stage of one phase) per day',
      FlowReport,
    ),
    async (c) => {
      const f = c.req.valid('query')
      const [s, names] = await Promise.all([reportScope(c, f), journeyNames(c.env.DB)])
      return answer(c, 'flow', s, f, await flowReport(c.env.DB, s, names))
    },
  )
  .openapi(
    report(
      '/reports/time-in-stage',
      'Working hours per stage (p50, p85, max) against SLA; the ten slowest cards',
      TimeInStageReport,
    ),
    async (c) => {
      const f = c.req.valid('query')
      const [s, names] = await Promise.all([reportScope(c, f), journeyNames(c.env.DB)])
      const built = await timeInStageReport(c.env.DB, s, names, Date.now())
      return answer(c, 'time-in-stage', s, f, built)
    },
  )
  .openapi(
    report(
      '/reports/sla',
      'Stage visits within SLA by stage, role, member and grade; returns',
      SlaReport,
    ),
    async (c) => {
      const f = c.req.valid('query')
      const db = c.env.DB
      const [s, names, people] = await Promise.all([
        reportScope(c, f),
        journeyNames(db),
        memberNames(db),
      ])
      return answer(c, 'sla', s, f, await slaReport(db, s, names, people))
    },
  )
  .openapi(
    report(
      '/reports/funnel',
      'Acquisition → renewal: entries per milestone, drop-off, median journey time',
      FunnelReport,
    ),
    async (c) => {
      const f = c.req.valid('query')
      const s = await reportScope(c, f)
      return answer(c, 'funnel', s, f, await funnelReport(c.env.DB, s))
    },
  )
  .openapi(
    report(
      '/reports/accounts',
      'Account KPIs per account manager and team: clients, growth, revenue, LTV, margin per hour, NPS, churn, renewals, load, span',
      AccountsReport,
    ),
    async (c) => {
      const f = c.req.valid('query')
      // Independent reads, sent together: D1 answers them one after another without waiting.
      const [s, snap] = await Promise.all([reportScope(c, f), countsSnapshot(c.env.DB, Date.now())])
      return answer(c, 'accounts', s, f, await accountsReport(c.env.DB, s, snap))
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/forecast',
      summary: 'Capacity forecast: each team’s load 8 weeks ahead (Little’s law), with a what-if',
      request: { query: ForecastFilters },
      responses: {
        200: {
          description: 'The forecast (format=csv: one of its tables as CSV)',
          content: {
            'application/json': { schema: ForecastReport },
            'text/csv': { schema: { type: 'string' } },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const f = c.req.valid('query')
      const db = c.env.DB
      const [s, snap, names] = await Promise.all([
        reportScope(c, f),
        countsSnapshot(db, Date.now()),
        journeyNames(db),
      ])
      const built = await forecastReport(db, s, snap, names, {
        inflow: f.inflow,
        addGrade: f.addGrade,
      })
      return answer(c, 'forecast', s, f, built)
    },
  )
