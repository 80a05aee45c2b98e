import type { Grade } from '../../../schema/members'

/** What the organisation's flow looks like in one phase, measured over the last 90 days. */
export interface PhaseFlow {
  phaseId: string
  /** Cards entering the phase per calendar day. */
  arrivalsPerDay: number
  /** Mean calendar days a card spends in the phase (working time scaled to the calendar). */
  daysInPhase: number
  /** Live cards in the phase now. */
  cardsNow: number
}

/** A lead's team as the forecast sees it. */
export interface ForecastTeam {
  leadId: string
  name: string
  /** Load points the team carries per phase now (every role its members hold there). */
  loadByPhase: Record<string, number>
  /** Capacity of each member, the lead included. */
  capacities: number[]
  directReports: number
  /** Whom to hire when it runs out: the grade its heaviest tier needs and its main role. */
  hireGrade: Grade
  hireRoleId: string | null
}

export interface WhatIf {
  /** Change of the monthly inflow, as a fraction: 0.2 = 20% more cards arriving. */
  inflowChange: number
  /** Add one person of this grade to every team shown. */
  addGrade: Grade | null
}

export interface ForecastWeek {
  /** Local date the week ends ("YYYY-MM-DD"). */
  date: string
  load: number
  capacity: number
  utilisation: number | null
  /** Direct reports the lead would have with the people the load calls for. */
  span: number
}

export interface TeamForecast {
  leadId: string
  name: string
  weeks: ForecastWeek[]
  /** First week end when load passes capacity, and the hire that answers it. */
  overCapacity: { date: string; hireGrade: Grade; hireRoleId: string | null; people: number } | null
  /** First week end when the lead's span would pass the limit. */
  spanPassed: { date: string; span: number } | null
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * Cards expected in a phase after `days`. Little's law gives where it settles (arrivals per day
 * × days in phase); it gets there as the cards now in the phase leave and new ones replace them,
 * which for memoryless stays is an exponential approach with the phase's mean time.
 */
export function phaseCardsAfter(p: PhaseFlow, factor: number, days: number): number {
  const settled = p.arrivalsPerDay * factor * p.daysInPhase
  if (p.daysInPhase <= 0) return p.cardsNow
  return settled + (p.cardsNow - settled) * Math.exp(-days / p.daysInPhase)
}

/**
 * Projects each team's load week by week: per phase, the team keeps the load it now carries per
 * card there, and the phase's cards move as `phaseCardsAfter` says. Capacity is the members'
 * (plus a what-if person). Says when the team passes 100% and when the lead's span, counting the
 * people it would take to bring load under capacity, passes `spanLimit`.
 */
export function forecastTeams(
  phases: readonly PhaseFlow[],
  teams: readonly ForecastTeam[],
  options: {
    today: string
    weeks: number
    spanLimit: number
    capacity: Record<Grade, number>
    whatIf: WhatIf
  },
): TeamForecast[] {
  const factor = Math.max(0, 1 + options.whatIf.inflowChange)
  const extra = options.whatIf.addGrade ? options.capacity[options.whatIf.addGrade] : 0
  return teams.map((team) => {
    const capacity = team.capacities.reduce((a, b) => a + b, 0) + extra
    const reports = team.directReports + (options.whatIf.addGrade ? 1 : 0)
    const hireCapacity = options.capacity[team.hireGrade]
    const weeks: ForecastWeek[] = []
    for (let w = 0; w <= options.weeks; w += 1) {
      let load = 0
      for (const p of phases) {
        const perCard = p.cardsNow > 0 ? (team.loadByPhase[p.phaseId] ?? 0) / p.cardsNow : 0
        load += perCard * phaseCardsAfter(p, factor, w * 7)
      }
      const short = Math.max(0, load - capacity)
      const people = hireCapacity > 0 ? Math.ceil(short / hireCapacity - 1e-9) : 0
      weeks.push({
        date: addDays(options.today, w * 7),
        load: Math.round(load * 100) / 100,
        capacity,
        utilisation: capacity > 0 ? Math.round((load / capacity) * 1000) / 1000 : null,
        span: reports + people,
      })
    }
    const over = weeks.find((w) => w.utilisation !== null && w.utilisation > 1)
    const wide = weeks.find((w) => w.span > options.spanLimit)
    return {
      leadId: team.leadId,
      name: team.name,
      weeks,
      overCapacity: over
        ? {
            date: over.date,
            hireGrade: team.hireGrade,
            hireRoleId: team.hireRoleId,
            people: Math.max(1, over.span - reports),
          }
        : null,
      spanPassed: wide ? { date: wide.date, span: wide.span } : null,
    }
  })
}
