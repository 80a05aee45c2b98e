import { entriesByStage, journeyNames, phaseCardsOn, visitTotals } from '../db/reports'
import type { WatchedNumber } from '../domain/reports/movers'

const DAY = 86_400_000
const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(day) - n * DAY).toISOString().slice(0, 10)

/**
 * The numbers a lead watches, this week against the week before: cards and arrivals per phase
 * (the whole journey, from the snapshots) and their team's share of stage visits within SLA and
 * returns. The digest keeps the five that moved most.
 */
export function weeklyNumbers(db: D1Database) {
  let shared: Promise<WatchedNumber[]> | null = null
  /** The journey-wide numbers are the same for every lead: read once per run. */
  const journey = (today: string) => {
    shared ??= journeyNumbers(db, today)
    return shared
  }
  return async (team: readonly string[], today: string, now: number): Promise<WatchedNumber[]> => {
    const [flow, thisWeek, lastWeek] = await Promise.all([
      journey(today),
      visitTotals(db, team, now - 7 * DAY, now),
      visitTotals(db, team, now - 14 * DAY, now - 7 * DAY),
    ])
    const share = (t: { visits: number; within: number }) =>
      t.visits > 0 ? t.within / t.visits : 0
    return [
      ...flow,
      {
        key: 'team-sla',
        label: { ru: 'Команда: в срок', en: 'Team: within SLA' },
        now: share(thisWeek),
        before: share(lastWeek),
        unit: 'share',
      },
      {
        key: 'team-returns',
        label: { ru: 'Команда: возвраты', en: 'Team: returns' },
        now: thisWeek.returns,
        before: lastWeek.returns,
        unit: 'count',
      },
    ]
  }
}

async function journeyNumbers(db: D1Database, today: string): Promise<WatchedNumber[]> {
  const yesterday = dayBefore(today, 1)
  const weekAgo = dayBefore(today, 8)
  const [names, cards, recent, earlier] = await Promise.all([
    journeyNames(db),
    phaseCardsOn(db, [yesterday, weekAgo]),
    entriesByStage(db, dayBefore(today, 7), yesterday, null),
    entriesByStage(db, dayBefore(today, 14), dayBefore(today, 8), null),
  ])
  const cardsOn = (day: string, phaseId: string) =>
    cards.find((c) => c.day === day && c.phaseId === phaseId)?.cards ?? 0
  const arrivals = (rows: typeof recent, phaseId: string) =>
    rows.filter((r) => r.phaseId === phaseId).reduce((n, r) => n + r.enteredPhase, 0)
  return names.phases.flatMap((p): WatchedNumber[] => [
    {
      key: `cards-${p.id}`,
      label: { ru: `${p.ru}: карточек`, en: `${p.en}: cards` },
      now: cardsOn(yesterday, p.id),
      before: cardsOn(weekAgo, p.id),
      unit: 'count',
    },
    {
      key: `arrivals-${p.id}`,
      label: { ru: `${p.ru}: пришло за неделю`, en: `${p.en}: arrivals a week` },
      now: arrivals(recent, p.id),
      before: arrivals(earlier, p.id),
      unit: 'count',
    },
  ])
}
