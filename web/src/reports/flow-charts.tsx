import { useMemo } from 'preact/hooks'
import type uPlot from 'uplot'
import type { FlowReport, FunnelReport, TimeInStageReport } from '../api/reports'
import { useI18n } from '../i18n'
import {
  bars,
  categoryAxis,
  categoryScale,
  Chart,
  markers,
  PALETTE,
  type ChartOptions,
} from './chart'
import { ReportTableView } from './report-table'

const seconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000

/** Cumulative flow: each phase (or stage) stacked on the ones before it, day by day. */
export function FlowChart({ report }: { report: FlowReport }) {
  const { t, text } = useI18n()
  const { options, data } = useMemo(() => {
    const xs = report.days.map(seconds)
    let below = xs.map(() => 0)
    const stacked = report.series.map((s) => (below = below.map((v, i) => v + (s.values[i] ?? 0))))
    // The tallest band first: each later, lower band paints over the one above it.
    const order = report.series.map((_, i) => i).reverse()
    const options: ChartOptions = {
      legend: { show: false },
      cursor: { show: true },
      scales: { x: { time: true } },
      series: [
        {},
        ...order.map((i) => ({
          label: text(report.series[i]?.name ?? { ru: '', en: '' }),
          stroke: PALETTE[i % PALETTE.length],
          fill: PALETTE[i % PALETTE.length],
          width: 1,
        })),
      ],
    }
    return { options, data: [xs, ...order.map((i) => stacked[i] ?? [])] as uPlot.AlignedData }
  }, [report, text])
  return (
    <>
      <Legend names={report.series.map((s) => text(s.name))} />
      <Chart options={options} data={data} label={t('reports.flow.title')} />
      <ReportTableView
        table={report.tables.flow ?? { columns: [], rows: [] }}
        caption={t('reports.table.flow')}
      />
    </>
  )
}

/** Colour keys for a chart, in the order of its series. */
export function Legend({
  names,
  colors,
}: {
  names: readonly string[]
  colors?: readonly string[]
}) {
  return (
    <ul class="report-legend">
      {names.map((n, i) => (
        <li key={n}>
          <span
            class="report-legend__swatch"
            style={{ background: colors?.[i] ?? PALETTE[i % PALETTE.length] }}
          />
          {n}
        </li>
      ))}
    </ul>
  )
}

/** Median and p85 working hours per stage as bars, the SLA as a marker on each. */
export function TimeInStageChart({ report }: { report: TimeInStageReport }) {
  const { t, text } = useI18n()
  const { options, data } = useMemo(() => {
    const names = report.stages.map((s) => text(s.name))
    const options: ChartOptions = {
      legend: { show: false },
      scales: { x: categoryScale(names) },
      axes: [categoryAxis(names, names.length > 6), { label: t('reports.hours') }],
      series: [
        {},
        { label: 'p85', fill: PALETTE[1], stroke: PALETTE[1], paths: bars(0.7) },
        { label: 'p50', fill: PALETTE[0], stroke: PALETTE[0], paths: bars(0.4) },
        { label: 'SLA', ...markers(PALETTE[7] ?? '#000') },
      ],
    }
    const data: uPlot.AlignedData = [
      names.map((_, i) => i),
      report.stages.map((s) => s.p85),
      report.stages.map((s) => s.p50),
      report.stages.map((s) => s.sla),
    ]
    return { options, data }
  }, [report, text, t])
  return (
    <>
      <Legend
        names={[t('reports.time.p85'), t('reports.time.p50'), t('reports.time.sla')]}
        colors={[PALETTE[1] ?? '', PALETTE[0] ?? '', PALETTE[7] ?? '']}
      />
      <Chart options={options} data={data} label={t('reports.time.title')} />
      <ReportTableView
        table={report.tables.stages ?? { columns: [], rows: [] }}
        caption={t('reports.table.stages')}
      />
      <h3>{t('reports.time.slowest')}</h3>
      <ReportTableView
        table={report.tables.slowest ?? { columns: [], rows: [] }}
        caption={t('reports.table.slowest')}
        links={report.slowest.map((s) => `/?card=${encodeURIComponent(s.clientId)}`)}
      />
    </>
  )
}

/** The milestones as bars; drop-off and the median journey in words and in the table. */
export function FunnelChart({ report }: { report: FunnelReport }) {
  const { t } = useI18n()
  const { options, data } = useMemo(() => {
    const names = report.tables.funnel?.rows.map((r) => String(r[0])) ?? []
    const options: ChartOptions = {
      legend: { show: false },
      scales: { x: categoryScale(names) },
      axes: [categoryAxis(names, false), {}],
      series: [
        {},
        {
          label: t('reports.funnel.cards'),
          fill: PALETTE[2],
          stroke: PALETTE[2],
          paths: bars(0.6),
        },
      ],
    }
    return {
      options,
      data: [names.map((_, i) => i), report.steps.map((s) => s.count)] as uPlot.AlignedData,
    }
  }, [report, t])
  return (
    <>
      <p class="report__figure">
        {report.medianJourneyDays === null
          ? t('reports.funnel.noJourney')
          : t('reports.funnel.journey', {
              days: report.medianJourneyDays,
              cards: report.medianJourneyCards,
            })}
      </p>
      <Chart options={options} data={data} label={t('reports.funnel.title')} />
      <ReportTableView
        table={report.tables.funnel ?? { columns: [], rows: [] }}
        caption={t('reports.table.funnel')}
      />
    </>
  )
}
