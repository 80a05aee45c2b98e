import { bookSums } from '../../db/report-accounts'
import {
  addSums,
  kpisOf,
  major,
  NO_SUMS,
  type Kpis,
  type KpiSums,
} from '../../domain/reports/account-kpis'
import { asPercent, label, labels, type LabelKey, type Lang } from '../../domain/reports/labels'
import { teamOf } from '../../domain/team'
import type { SuggestSnapshot } from '../team-snapshot'
import { memberFigures } from './team-figures'
import type { ReportScope } from './scope'

/** The journey role whose clients are an account manager's book (the default template's id). */
export const ACCOUNT_ROLE = 'account_manager'
/** Entering this stage is a renewal (the default template's id). */
const RENEWAL_STAGE = 'renewal-signed'

const round2 = (x: number) => Math.round(x * 100) / 100

/** Money headings name the currency: "Revenue / month, RUB". */
const moneyLabels = (keys: readonly LabelKey[], lang: Lang, currency: string) =>
  keys.map((k) =>
    ['revenue', 'margin', 'marginPerHour', 'ltv'].includes(k)
      ? `${label(k, lang)}, ${currency}`
      : label(k, lang),
  )

/** A KPI row's money and customer cells, in the tables' order (money in whole units). */
const kpiCells = (k: Kpis) => [
  major(k.revenue),
  major(k.margin),
  k.hours,
  major(k.marginPerHour),
  major(k.ltv),
  k.nps,
  k.answers,
  k.renewed,
  k.churned,
  k.churnRate,
]
const KPI_KEYS = [
  'revenue',
  'margin',
  'hoursLogged',
  'marginPerHour',
  'ltv',
  'nps',
  'npsAnswers',
  'renewed',
  'churned',
  'churnRate',
] as const satisfies readonly LabelKey[]

/**
 * Account KPIs per account manager (the filter's role, if one is chosen) and per lead's team:
 * clients and growth, monthly revenue and LTV, margin per hour of work, NPS, churn and renewals
 * over the period, load against capacity and span of control now.
 */
export async function accountsReport(db: D1Database, s: ReportScope, snap: SuggestSnapshot) {
  const figures = memberFigures(snap)
  const roleId = s.roleId ?? ACCOUNT_ROLE
  const rows = await bookSums(db, {
    roleId,
    owners: s.owners,
    tier: s.tier,
    fromMs: s.fromMs,
    toMs: s.toMs,
    fromDay: s.from,
    toDay: s.to,
    today: s.today,
    renewalStageId: RENEWAL_STAGE,
  })
  const currency = rows.find((r) => r.currency)?.currency ?? 'RUB'
  const books = new Map<string, KpiSums>(rows.map((r) => [r.memberId, r]))
  const visible = (id: string) => s.owners === null || s.owners.includes(id)
  const holdsRole = (id: string) =>
    snap.members.find((x) => x.id === id)?.roleIds.includes(roleId) ?? false
  const managers = figures
    .filter((m) => m.active && visible(m.id) && (books.has(m.id) || holdsRole(m.id)))
    .map((m) => ({
      id: m.id,
      name: m.name,
      grade: m.grade,
      lead: figures.find((x) => x.id === m.managerId)?.name ?? null,
      ...kpisOf(books.get(m.id) ?? NO_SUMS),
      load: m.load,
      capacity: m.capacity,
      utilisation: m.utilization,
      directReports: m.directReports,
    }))
    .sort((a, b) => b.clients - a.clients || a.name.localeCompare(b.name))
  const leads = figures.filter(
    (m) => m.active && m.directReports > 0 && (s.leads === null || s.leads.includes(m.id)),
  )
  const teams = leads.map((lead) => {
    const ids = teamOf(lead.id, snap.members)
    const people = figures.filter((m) => m.active && ids.has(m.id))
    const load = round2(people.reduce((n, m) => n + m.load, 0))
    const capacity = round2(people.reduce((n, m) => n + m.capacity, 0))
    return {
      id: lead.id,
      name: lead.name,
      people: people.length,
      ...kpisOf(addSums(people.map((m) => books.get(m.id) ?? NO_SUMS))),
      load,
      capacity,
      utilisation: capacity > 0 ? Math.round((load / capacity) * 1000) / 1000 : null,
      span: lead.directReports,
      spanLimit: snap.settings.spanOfControl,
    }
  })
  const L = s.lang
  return {
    currency,
    managers,
    teams,
    tables: {
      managers: {
        columns: labels(
          [
            'manager',
            'grade',
            'lead',
            'clients',
            'gained',
            'growth',
            'load',
            'capacity',
            'loadShare',
          ],
          L,
        ),
        rows: managers.map((m) => [
          m.name,
          m.grade,
          m.lead,
          m.clients,
          m.gained,
          m.growth,
          m.load,
          m.capacity,
          asPercent(m.utilisation),
        ]),
      },
      money: {
        columns: [label('manager', L), ...moneyLabels(KPI_KEYS, L, currency)],
        rows: managers.map((m) => [m.name, ...kpiCells(m)]),
      },
      teams: {
        columns: [
          ...labels(['team', 'people', 'clients', 'gained', 'growth'], L),
          ...moneyLabels(KPI_KEYS, L, currency),
          ...labels(['loadShare', 'span'], L),
        ],
        rows: teams.map((t) => [
          t.name,
          t.people,
          t.clients,
          t.gained,
          t.growth,
          ...kpiCells(t),
          asPercent(t.utilisation),
          t.span,
        ]),
      },
    },
  }
}
