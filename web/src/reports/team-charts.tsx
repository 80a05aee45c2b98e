import { useMemo } from 'preact/hooks'
import type uPlot from 'uplot'
import type { AccountsReport, ForecastReport, SlaReport } from '../api/reports'
import { useI18n } from '../i18n'
import {
  bars,
  categoryAxis,
  categoryScale,
  Chart,
  fromZero,
  markers,
  PALETTE,
  type ChartOptions,
} from './chart'
import { Legend } from './flow-charts'
import { ReportTableView } from './report-table'

const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10)
const EMPTY = { columns: [], rows: [] }

/** Share within SLA per stage as bars (0–100%); every dimension in the table below. */
export function SlaChart({ report }: { report: SlaReport }) {
  const { t } = useI18n()
  const { options, data } = useMemo(() => {
    const rows = report.groups.find((g) => g.dimension === 'stage')?.rows ?? []
    const names = rows.map((r) => r.name)
    const options: ChartOptions = {
      legend: { show: false },
      scales: {
        x: categoryScale(names),
        y: { range: [0, 100] },
      },
      axes: [categoryAxis(names, names.length > 6), { label: '%' }],
      series: [
        {},
        { label: t('reports.sla.share'), fill: PALETTE[2], stroke: PALETTE[2], paths: bars(0.6) },
      ],
    }
    return {
      options,
      data: [names.map((_, i) => i), rows.map((r) => r.share)] as uPlot.AlignedData,
    }
  }, [report, t])
  return (
    <>
      <Chart options={options} data={data} label={t('reports.sla.title')} />
      <ReportTableView table={report.tables.sla ?? EMPTY} caption={t('reports.table.sla')} />
    </>
  )
}

/** The frame of a chart per account manager: a slot each, values read from zero. */
const perManager = (names: readonly string[], more: uPlot.Options['scales'] = {}) => ({
  legend: { show: false },
  scales: { x: categoryScale(names), y: { range: fromZero }, ...more },
})

/** Load against capacity per account manager as bars, 100% marked. */
export function AccountsChart({ report }: { report: AccountsReport }) {
  const { t } = useI18n()
  const { options, data } = useMemo(() => {
    const names = report.managers.map((m) => m.name)
    const options: ChartOptions = {
      ...perManager(names),
      axes: [categoryAxis(names, names.length > 6), { label: '%' }],
      series: [
        {},
        {
          label: t('reports.accounts.load'),
          fill: PALETTE[0],
          stroke: PALETTE[0],
          paths: bars(0.6),
        },
        { label: '100%', ...markers(PALETTE[7] ?? '#000') },
      ],
    }
    const data: uPlot.AlignedData = [
      names.map((_, i) => i),
      report.managers.map((m) => percent(m.utilisation)),
      names.map(() => 100),
    ]
    return { options, data }
  }, [report, t])
  return (
    <>
      <Legend
        names={[t('reports.accounts.load'), '100%']}
        colors={[PALETTE[0] ?? '', PALETTE[7] ?? '']}
      />
      <Chart options={options} data={data} label={t('reports.accounts.title')} />
      <ReportTableView
        table={report.tables.managers ?? EMPTY}
        caption={t('reports.table.managers')}
      />
      <KpiChart report={report} />
      <ReportTableView table={report.tables.money ?? EMPTY} caption={t('reports.table.money')} />
      <ReportTableView table={report.tables.teams ?? EMPTY} caption={t('reports.table.teams')} />
      <p class="report__note">{t('reports.accounts.method', { currency: report.currency })}</p>
    </>
  )
}

/** Margin per hour per account manager as bars (left axis), NPS as markers (right, −100…100). */
function KpiChart({ report }: { report: AccountsReport }) {
  const { t } = useI18n()
  const perHour = t('reports.accounts.marginPerHour', { currency: report.currency })
  const { options, data } = useMemo(() => {
    const names = report.managers.map((m) => m.name)
    const options: ChartOptions = {
      ...perManager(names, { nps: { range: [-100, 100] } }),
      axes: [
        categoryAxis(names, names.length > 6),
        { label: perHour, size: 70 },
        { scale: 'nps', side: 1, label: 'NPS', grid: { show: false } },
      ],
      series: [
        {},
        { label: perHour, fill: PALETTE[2], stroke: PALETTE[2], paths: bars(0.6) },
        { label: 'NPS', scale: 'nps', ...markers(PALETTE[5] ?? '#000') },
      ],
    }
    const data: uPlot.AlignedData = [
      names.map((_, i) => i),
      report.managers.map((m) => (m.marginPerHour === null ? null : m.marginPerHour / 100)),
      report.managers.map((m) => m.nps),
    ]
    return { options, data }
  }, [report, perHour])
  return (
    <>
      <Legend names={[perHour, 'NPS']} colors={[PALETTE[2] ?? '', PALETTE[5] ?? '']} />
      <Chart options={options} data={data} label={t('reports.accounts.kpiTitle')} kind="kpi" />
    </>
  )
}

/** Each team's projected load (% of capacity) week by week, with the 100% line and the advice. */
export function ForecastChart({
  report,
  roleName,
}: {
  report: ForecastReport
  roleName: (id: string | null) => string
}) {
  const { t, date } = useI18n()
  const { options, data } = useMemo(() => {
    const weeks = report.teams[0]?.weeks.map((w) => Date.parse(`${w.date}T12:00:00Z`) / 1000) ?? []
    const options: ChartOptions = {
      legend: { show: false },
      scales: { x: { time: true } },
      axes: [{}, { label: '%' }],
      series: [
        {},
        ...report.teams.map((team, i) => ({
          label: team.name,
          stroke: PALETTE[i % 7],
          width: 2,
          dash: i % 2 === 1 ? [6, 4] : undefined,
          points: { show: true, size: 6 },
        })),
        { label: '100%', stroke: PALETTE[7], width: 1, dash: [2, 4] },
      ],
    }
    const data: uPlot.AlignedData = [
      weeks,
      ...report.teams.map((team) => team.weeks.map((w) => percent(w.utilisation))),
      weeks.map(() => 100),
    ]
    return { options, data }
  }, [report])
  const grade = (g: string) => t(`grade.${g}` as 'reports.csv')
  return (
    <>
      <ul class="report-advice">
        {report.teams.map((team) => (
          <li key={team.leadId}>
            <strong>{team.name}: </strong>
            {team.overCapacity
              ? t('reports.forecast.hire', {
                  people: team.overCapacity.people,
                  grade: grade(team.overCapacity.hireGrade),
                  role: roleName(team.overCapacity.hireRoleId),
                  date: date(team.overCapacity.date),
                })
              : t('reports.forecast.fits', { weeks: report.inputs.weeks })}
            {team.spanPassed &&
              ` ${t('reports.forecast.span', { span: team.spanPassed.span, limit: report.inputs.spanLimit, date: date(team.spanPassed.date) })}`}
          </li>
        ))}
      </ul>
      <Legend
        names={[...report.teams.map((x) => x.name), '100%']}
        colors={[...report.teams.map((_, i) => PALETTE[i % 7] ?? ''), PALETTE[7] ?? '']}
      />
      <Chart options={options} data={data} label={t('reports.forecast.title')} />
      <ReportTableView
        table={report.tables.projection ?? EMPTY}
        caption={t('reports.table.projection')}
      />
      <h3>{t('reports.forecast.method.title')}</h3>
      <p class="report__note">
        {t('reports.forecast.method', {
          days: report.inputs.windowDays,
          weeks: report.inputs.weeks,
          limit: report.inputs.spanLimit,
        })}
      </p>
      <ReportTableView table={report.tables.inputs ?? EMPTY} caption={t('reports.table.inputs')} />
    </>
  )
}
