import { entriesByStage, flowByDay, medianTimeTo, type Names } from '../../db/reports'
import { daysBetween } from '../../domain/reports/flow'
import { funnel, FUNNEL_STEPS } from '../../domain/reports/funnel'
import { label, labels, pct } from '../../domain/reports/labels'
import type { ReportScope } from './scope'
import { scopeDays } from './scope'

const name = (n: { ru: string; en: string }, lang: 'ru' | 'en') => n[lang]

/**
 * Cumulative flow: cards per phase per day (per stage when a phase is chosen), from the daily
 * snapshots, up to yesterday (today is written tomorrow). Organisation-wide: the snapshots keep
 * stage and tier, not people.
 */
export async function flowReport(db: D1Database, s: ReportScope, names: Names) {
  const last = [s.to, scopeDays.addDays(s.today, -1)].sort()[0] ?? s.to
  const days = s.from <= last ? daysBetween(s.from, last) : []
  const rows = await flowByDay(db, s.from, last, s.phaseId, s.tier)
  const groups =
    s.phaseId === null ? names.phases : names.stages.filter((st) => st.phaseId === s.phaseId)
  const index = new Map(days.map((d, i) => [d, i]))
  const series = groups.map((g) => ({
    id: g.id,
    name: { ru: g.ru, en: g.en },
    values: days.map(() => 0),
  }))
  const byId = new Map(series.map((x) => [x.id, x]))
  for (const r of rows) {
    const i = index.get(r.day)
    const target = byId.get(r.key)
    if (i !== undefined && target) target.values[i] = r.cards
  }
  return {
    by: s.phaseId === null ? 'phase' : 'stage',
    days,
    series,
    tables: {
      flow: {
        columns: [label('date', s.lang), ...series.map((x) => name(x.name, s.lang))],
        rows: days.map((d, i) => [d, ...series.map((x) => x.values[i] ?? 0)]),
      },
    },
  }
}

/** The funnel over the period: entries into each milestone, drop-off, median time to onboarded. */
export async function funnelReport(db: D1Database, s: ReportScope) {
  const steps = funnel(await entriesByStage(db, s.from, s.to, s.tier))
  const onboarded = FUNNEL_STEPS.find((st) => st.key === 'onboarded')
  const journey =
    onboarded && 'stageId' in onboarded
      ? await medianTimeTo(db, onboarded.stageId, s.fromMs, s.toMs, s.tier)
      : { ms: null, count: 0 }
  const medianDays = journey.ms === null ? null : Math.round(journey.ms / 8_640_000) / 10
  return {
    steps,
    medianJourneyDays: medianDays,
    medianJourneyCards: journey.count,
    tables: {
      funnel: {
        columns: labels(['step', 'count', 'dropOff'], s.lang),
        rows: steps.map((st) => [
          label(st.key, s.lang),
          st.count,
          st.dropOff === null ? null : pct(st.dropOff, 1),
        ]),
      },
    },
  }
}
