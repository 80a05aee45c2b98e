import type { Grade } from '../../../schema/members'
import type { Tier } from '../../../schema/clients'
import { entriesByStage, phaseCardsNow, workingMsByPhase, type Names } from '../../db/reports'
import { capacityOf, roleWeight } from '../../domain/load'
import {
  forecastTeams,
  phaseCardsAfter,
  type PhaseFlow,
  type ForecastTeam,
} from '../../domain/reports/forecast'
import { asPercent, labels } from '../../domain/reports/labels'
import { directReports, teamOf } from '../../domain/team'
import { workdayMs } from '../../../shared/clock'
import type { CountsSnapshot } from '../team-snapshot'
import type { ReportScope } from './scope'
import { scopeDays } from './scope'

/** The window the forecast measures arrivals and time in phase over. */
export const FORECAST_WINDOW_DAYS = 90
const WEEKS = 8

/** Per phase: arrivals a day and mean calendar days in phase over the window, and cards now. */
async function phaseFlows(db: D1Database, s: ReportScope, names: Names) {
  const to = scopeDays.addDays(s.today, -1)
  const from = scopeDays.addDays(s.today, -FORECAST_WINDOW_DAYS)
  const [entries, spent, cards] = await Promise.all([
    entriesByStage(db, from, to, null),
    workingMsByPhase(db, from, s.today),
    phaseCardsNow(db),
  ])
  // Working days to calendar days: a week holds this many working days.
  const perWeek = Math.max(1, s.calendar.workingDays.length)
  const day = workdayMs(s.calendar)
  return names.phases.map((p): PhaseFlow => {
    const arrivals = entries
      .filter((e) => e.phaseId === p.id)
      .reduce((n, e) => n + e.enteredPhase, 0)
    const ms = spent.find((x) => x.phaseId === p.id)?.ms ?? 0
    const workingDays = arrivals > 0 && day > 0 ? ms / day / arrivals : 0
    return {
      phaseId: p.id,
      arrivalsPerDay: Math.round((arrivals / FORECAST_WINDOW_DAYS) * 1000) / 1000,
      daysInPhase: Math.round(((workingDays * 7) / perWeek) * 10) / 10,
      cardsNow: cards.find((c) => c.phaseId === p.id)?.cards ?? 0,
    }
  })
}

/** Each visible lead's team as the forecast needs it: load per phase, capacities, whom to hire. */
function forecastTeamsOf(s: ReportScope, snap: CountsSnapshot): ForecastTeam[] {
  const reports = directReports(snap.members)
  const leads = snap.members.filter(
    (m) => m.active && (reports.get(m.id) ?? 0) > 0 && (s.leads === null || s.leads.includes(m.id)),
  )
  return leads.map((lead) => {
    const ids = teamOf(lead.id, snap.members)
    const people = snap.members.filter((m) => m.active && ids.has(m.id))
    const loadByPhase: Record<string, number> = {}
    const byTier: Record<string, number> = {}
    for (const { memberId, roleId, counts } of snap.roleCounts) {
      if (!ids.has(memberId)) continue
      for (const { tier, phaseId, clients } of counts) {
        const parts = snap.roleParts.get(phaseId) ?? new Map()
        const w = roleWeight({ tier, phaseId, parts }, roleId, snap.settings) * clients
        loadByPhase[phaseId] = (loadByPhase[phaseId] ?? 0) + w
        byTier[tier] = (byTier[tier] ?? 0) + w
      }
    }
    const heaviest = (Object.entries(byTier).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'B') as Tier
    const roleCounts = new Map<string, number>()
    for (const m of people)
      if (m.id !== lead.id)
        for (const r of m.roleIds) roleCounts.set(r, (roleCounts.get(r) ?? 0) + 1)
    const hireRoleId = [...roleCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    return {
      leadId: lead.id,
      name: lead.name,
      loadByPhase,
      capacities: people.map((m) => capacityOf(m, snap.settings)),
      directReports: reports.get(lead.id) ?? 0,
      hireGrade: snap.settings.minGrade[heaviest] as Grade,
      hireRoleId,
    }
  })
}

/**
 * The capacity forecast: each team's load 8 weeks ahead against its capacity, with the what-if,
 * the advice (hire by, span passes) and every input it used.
 */
export async function forecastReport(
  db: D1Database,
  s: ReportScope,
  snap: CountsSnapshot,
  names: Names,
  whatIf: { inflow: number; addGrade?: Grade | undefined },
) {
  const phases = await phaseFlows(db, s, names)
  const factor = 1 + whatIf.inflow / 100
  const teams = forecastTeams(phases, forecastTeamsOf(s, snap), {
    today: s.today,
    weeks: WEEKS,
    spanLimit: snap.settings.spanOfControl,
    capacity: snap.settings.capacity,
    whatIf: { inflowChange: whatIf.inflow / 100, addGrade: whatIf.addGrade ?? null },
  })
  const L = s.lang
  const phaseName = (id: string) => names.phases.find((p) => p.id === id)?.[L] ?? id
  return {
    teams,
    inputs: {
      windowDays: FORECAST_WINDOW_DAYS,
      weeks: WEEKS,
      inflowChange: whatIf.inflow,
      addGrade: whatIf.addGrade ?? null,
      spanLimit: snap.settings.spanOfControl,
      phases,
    },
    tables: {
      projection: {
        columns: labels(['team', 'weekEnding', 'load', 'capacity', 'loadShare', 'span'], L),
        rows: teams.flatMap((t) =>
          t.weeks.map((w) => [
            t.name,
            w.date,
            w.load,
            w.capacity,
            asPercent(w.utilisation),
            w.span,
          ]),
        ),
      },
      inputs: {
        columns: labels(['phase', 'arrivals', 'daysInPhase', 'cardsNow', 'settles'], L),
        rows: phases.map((p) => [
          phaseName(p.phaseId),
          p.arrivalsPerDay,
          p.daysInPhase,
          p.cardsNow,
          Math.round(phaseCardsAfter(p, factor, 1e9) * 10) / 10,
        ]),
      },
    },
  }
}
