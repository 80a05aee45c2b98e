import { cohortReach, stageOrders } from '../../db/report-funnel'
import { peopleFlowDeltas } from '../../db/report-people-flow'
import { flowByDay, medianTimeTo, type Names } from '../../db/reports'
import { cumulate, daysBetween } from '../../domain/reports/flow'
import { cohortFunnel, FUNNEL_STEPS } from '../../domain/reports/funnel'
import { label, labels, pct } from '../../domain/reports/labels'
import type { ReportScope } from './scope'
import { scopeDays } from './scope'
import { visitScope } from './stage-reports'

const DAY = 86_400_000

const name = (n: { ru: string; en: string }, lang: 'ru' | 'en') => n[lang]

/**
 * Cumulative flow: cards per phase per day (per stage when a phase is chosen), up to yesterday
 * (today is written tomorrow). Everyone's flow comes from the daily snapshots; a team's or a
 * member's (they keep no people) from the owners' measured stays.
 */
export async function flowReport(db: D1Database, s: ReportScope, names: Names) {
  const last = [s.to, scopeDays.addDays(s.today, -1)].sort()[0] ?? s.to
  const days = s.from <= last ? daysBetween(s.from, last) : []
  const groups =
    s.phaseId === null ? names.phases : names.stages.filter((st) => st.phaseId === s.phaseId)
  const keys = groups.map((g) => g.id)
  const values = s.owners === null ? await everyonesFlow(db, s, days, keys) : null
  const firstDay = Date.parse(s.from) / DAY
  const people =
    s.owners === null
      ? null
      : cumulate(
          await peopleFlowDeltas(
            db,
            { ...visitScope(s), owners: s.owners, to: s.fromMs + days.length * DAY },
            firstDay,
            Date.parse(s.from) - s.fromMs,
            s.phaseId !== null,
          ),
          firstDay,
          days.length,
          keys,
        )
  const series = groups.map((g) => ({
    id: g.id,
    name: { ru: g.ru, en: g.en },
    values: (values ?? people)?.get(g.id) ?? days.map(() => 0),
  }))
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

/** Everyone's cards per group and day, from the snapshots. */
async function everyonesFlow(db: D1Database, s: ReportScope, days: string[], keys: string[]) {
  const last = days.at(-1) ?? s.from
  const rows = await flowByDay(db, s.from, last, s.phaseId, s.tier, s.roleId)
  const index = new Map(days.map((d, i) => [d, i]))
  const out = new Map(keys.map((k) => [k, days.map(() => 0)]))
  for (const r of rows) {
    const i = index.get(r.day)
    const target = out.get(r.key)
    if (i !== undefined && target) target[i] = r.cards
  }
  return out
}

/**
 * The cohort funnel: of the cards that entered the journey in the period, how many reached each
 * milestone by now, the drop-off between them, and the median time to onboarded.
 */
export async function funnelReport(db: D1Database, s: ReportScope) {
  const [reach, orders] = await Promise.all([cohortReach(db, visitScope(s)), stageOrders(db)])
  const steps = cohortFunnel(reach, orders)
  const onboarded = FUNNEL_STEPS.find((st) => st.key === 'onboarded')
  const journey =
    onboarded && 'stageId' in onboarded
      ? await medianTimeTo(db, onboarded.stageId, s.from, s.to, s.tier, s.owners)
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
