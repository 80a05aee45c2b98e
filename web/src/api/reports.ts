import type { Grade } from '../../../schema/members'
import type { ReportTable } from '../../../schema/reports'
import type { LocalizedText } from '../../../schema/common'
import { request } from './client'

export type { ReportTable }

export const REPORT_NAMES = [
  'flow',
  'time-in-stage',
  'sla',
  'funnel',
  'accounts',
  'forecast',
] as const
export type ReportName = (typeof REPORT_NAMES)[number]

interface Base {
  period: { from: string; to: string }
  tables: Record<string, ReportTable>
}

export interface FlowReport extends Base {
  by: 'phase' | 'stage'
  days: string[]
  series: { id: string; name: LocalizedText; values: number[] }[]
}

export interface TimeInStageReport extends Base {
  stages: {
    id: string
    name: LocalizedText
    visits: number
    p50: number | null
    p85: number | null
    max: number | null
    sla: number | null
  }[]
  slowest: { clientId: string; company: string; stageId: string; hours: number; open: boolean }[]
}

export interface SlaReport extends Base {
  groups: {
    dimension: string
    rows: {
      key: string | null
      name: string
      visits: number
      share: number | null
      returns: number
    }[]
  }[]
}

export interface FunnelReport extends Base {
  steps: { key: string; count: number; dropOff: number | null }[]
  medianJourneyDays: number | null
  medianJourneyCards: number
}

/** A book's KPIs; money in minor units of `currency`. */
interface AccountKpis {
  id: string
  name: string
  clients: number
  revenue: number
  marginPerHour: number | null
  ltv: number | null
  nps: number | null
  utilisation: number | null
}

export interface AccountsReport extends Base {
  currency: string
  managers: AccountKpis[]
  teams: { id: string; name: string; utilisation: number | null; span: number; spanLimit: number }[]
}

export interface ForecastReport extends Base {
  teams: {
    leadId: string
    name: string
    weeks: {
      date: string
      load: number
      capacity: number
      utilisation: number | null
      span: number
    }[]
    overCapacity: {
      date: string
      hireGrade: Grade
      hireRoleId: string | null
      people: number
    } | null
    spanPassed: { date: string; span: number } | null
  }[]
  inputs: {
    windowDays: number
    weeks: number
    inflowChange: number
    addGrade: Grade | null
    spanLimit: number
  }
}

/** The URL of a report with the page's filters (and `format=csv&table=` for a download). */
export const reportUrl = (name: ReportName, query: URLSearchParams) =>
  `/api/reports/${name}?${query}`

export function getReport<T>(name: ReportName, query: URLSearchParams, signal?: AbortSignal) {
  return request<T>(reportUrl(name, query), { signal })
}
