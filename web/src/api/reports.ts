import { answer, api, type GetAnswer } from './client'

export type {
  AccountsReport,
  FlowReport,
  ForecastReport,
  FunnelReport,
  ReportTable,
  SlaReport,
  TimeInStageReport,
} from '../../../schema/reports'

export const REPORT_NAMES = [
  'flow',
  'time-in-stage',
  'sla',
  'funnel',
  'accounts',
  'forecast',
] as const
export type ReportName = (typeof REPORT_NAMES)[number]

/** The URL of a report with the page's filters (and `format=csv&table=` for a download). */
export const reportUrl = (name: ReportName, query: URLSearchParams) =>
  `/api/reports/${name}?${query}`

/** The answer of the report `N`, as its route documents it. */
export type Report<N extends ReportName> = GetAnswer<`/api/reports/${N}`>

/** A report under the page's filters, as its URL holds them (the server vets them: a 422). */
export function getReport<N extends ReportName>(
  name: N,
  query: URLSearchParams,
  signal?: AbortSignal,
): Promise<Report<N>> {
  const path: `/api/reports/${ReportName}` = `/api/reports/${name}`
  // One call for the six routes: the answer is theirs together, narrowed here by `name`.
  return answer(api.GET(path, { querySerializer: () => query.toString(), signal })) as Promise<
    Report<N>
  >
}
