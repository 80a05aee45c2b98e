import type { Grade } from '../../../schema/members'
import { accountClients, entriesByStage, workingMsByPhase, type Names } from '../../db/reports'
import { capacityOf, roleWeight } from '../../domain/load'
import {
  forecastTeams,
  phaseCardsAfter,
  type PhaseFlow,
  type ForecastTeam,
} from '../../domain/reports/forecast'
import { asPercent, labels, pct } from '../../domain/reports/labels'
import { directReports, teamOf } from '../../domain/team'
import { workdayMs } from '../../domain/clock'
import type { TeamSnapshot } from '../team-snapshot'
import { teamView } from '../team-view'
import type { ReportScope } from './scope'
import { scopeDays } from './scope'

/** The journey role whose clients are an account manager's book (the default template's id). */
export const ACCOUNT_ROLE = 'account_manager'

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100

/**
 * Account KPIs from what the board holds today: clients and their growth over the period, load
 * against capacity, span of control; per account manager and per lead's team. Money, LTV,
 * margin per hour, NPS and churn come with the client's record.
 */
export async function accountsReport(db: D1Database, s: ReportScope, snap: TeamSnapshot) {
  const view = teamView(snap)
  const books = new Map(
    (await accountClients(db, ACCOUNT_ROLE, s.fromMs, s.toMs)).map((b) => [b.memberId, b]),
  )
  const visible = (id: string) => s.owners === null || s.owners.includes(id)
  const managers = view.members
    .filter((m) => m.active && visible(m.id))
    .filter(
      (m) =>
        books.has(m.id) || snap.members.find((x) => x.id === m.id)?.roleIds.includes(ACCOUNT_ROLE),
    )
    .map((m) => {
      const book = books.get(m.id)
      const clients = book?.clients ?? 0
      const gained = book?.gained ?? 0
      return {
        id: m.id,
        name: m.name,
        grade: m.grade,
        lead: view.members.find((x) => x.id === m.managerId)?.name ?? null,
        clients,
        gained,
        growth: pct(gained, clients - gained),
        load: m.load,
        capacity: m.capacity,
        utilisation: m.utilization,
        directReports: m.directReports,
      }
    })
    .sort((a, b) => b.clients - a.clients || a.name.localeCompare(b.name))
  const leads = view.members.filter(
    (m) => m.active && m.directReports > 0 && (s.leads === null || s.leads.includes(m.id)),
  )
  const teams = leads.map((lead) => {
    const ids = [...teamOf(lead.id, snap.members)]
    const people = view.members.filter((m) => m.active && ids.includes(m.id))
    const clients = sum(people.map((m) => books.get(m.id)?.clients ?? 0))
    const gained = sum(people.map((m) => books.get(m.id)?.gained ?? 0))
    const load = sum(people.map((m) => m.load))
    const capacity = sum(people.map((m) => m.capacity))
    return {
      id: lead.id,
      name: lead.name,
      people: people.length,
      clients,
      gained,
      growth: pct(gained, clients - gained),
      load,
      capacity,
      utilisation: capacity > 0 ? Math.round((load / capacity) * 1000) / 1000 : null,
      span: lead.directReports,
      spanLimit: view.thresholds.spanOfControl,
    }
  })
  const L = s.lang
  return {
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
      teams: {
        columns: labels(
          [
            'team',
            'people',
            'clients',
            'gained',
            'growth',
            'load',
            'capacity',
            'loadShare',
            'span',
          ],
          L,
        ),
        rows: teams.map((t) => [
          t.name,
          t.people,
          t.clients,
          t.gained,
          t.growth,
          t.load,
          t.capacity,
          asPercent(t.utilisation),
          t.span,
        ]),
      },
    },
  }
}

/** The window the forecast measures arrivals and time in phase over. */
export const FORECAST_WINDOW_DAYS = 90
const WEEKS = 8

/** Per phase: arrivals a day and mean calendar days in phase over the window, and cards now. */
async function phaseFlows(
  db: D1Database,
  s: ReportScope,
  snap: TeamSnapshot,
  names: Names,
  now: number,
) {
  const to = scopeDays.addDays(s.today, -1)
  const from = scopeDays.addDays(s.today, -FORECAST_WINDOW_DAYS)
  const [entries, spent] = await Promise.all([
    entriesByStage(db, from, to, null),
    workingMsByPhase(db, now - FORECAST_WINDOW_DAYS * 86_400_000, now),
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
      cardsNow: snap.clients.filter((c) => c.phaseId === p.id).length,
    }
  })
}

/** Each visible lead's team as the forecast needs it: load per phase, capacities, whom to hire. */
function forecastTeamsOf(s: ReportScope, snap: TeamSnapshot): ForecastTeam[] {
  const reports = directReports(snap.members)
  const leads = snap.members.filter(
    (m) => m.active && (reports.get(m.id) ?? 0) > 0 && (s.leads === null || s.leads.includes(m.id)),
  )
  return leads.map((lead) => {
    const ids = teamOf(lead.id, snap.members)
    const people = snap.members.filter((m) => m.active && ids.has(m.id))
    const loadByPhase: Record<string, number> = {}
    const byTier: Record<string, number> = {}
    for (const client of snap.clients) {
      for (const [roleId, memberId] of Object.entries(client.people)) {
        if (!ids.has(memberId)) continue
        const w = roleWeight(client, roleId, snap.settings)
        loadByPhase[client.phaseId] = (loadByPhase[client.phaseId] ?? 0) + w
        byTier[client.tier] = (byTier[client.tier] ?? 0) + w
      }
    }
    const heaviest = (Object.entries(byTier).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'B') as
      'A' | 'B' | 'C'
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
  snap: TeamSnapshot,
  names: Names,
  whatIf: { inflow: number; addGrade?: Grade | undefined },
  now: number,
) {
  const phases = await phaseFlows(db, s, snap, names, now)
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
