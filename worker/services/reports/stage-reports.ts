import {
  longestOpen,
  slaCompliance,
  slowestVisits,
  stageBuckets,
  type Names,
  type VisitScope,
} from '../../db/reports'
import { workdayMs } from '../../../shared/clock'
import { hours, label, labels, pct, type LabelKey } from '../../domain/reports/labels'
import { stageTimesOf } from '../../domain/reports/percentiles'
import { workingTimeIndex } from '../../domain/reports/working-time-index'
import type { ReportScope } from './scope'

/** The visit filters of a report scope. */
export const visitScope = (s: ReportScope): VisitScope => ({
  from: s.fromMs,
  to: s.toMs,
  fromDay: s.from,
  toDay: s.to,
  phaseId: s.phaseId,
  tier: s.tier,
  roleId: s.roleId,
  owners: s.owners,
})

/** How many live cards, longest in stage first, are measured for the slowest list. */
const OPEN_CANDIDATES = 100

/** Time in stage in working hours per stage against its SLA, and the ten slowest cards. */
export async function timeInStageReport(db: D1Database, s: ReportScope, names: Names, now: number) {
  const scope = visitScope(s)
  const day = workdayMs(s.calendar)
  const [buckets, closed, open] = await Promise.all([
    stageBuckets(db, scope),
    slowestVisits(db, scope, 10),
    longestOpen(db, scope, OPEN_CANDIDATES),
  ])
  const byStage = new Map(stageTimesOf(buckets).map((t) => [t.stageId, t]))
  const stages = names.stages
    .filter((st) => byStage.has(st.id))
    .map((st) => {
      const t = byStage.get(st.id)
      const phase = names.phases.find((p) => p.id === st.phaseId)
      return {
        id: st.id,
        name: { ru: st.ru, en: st.en },
        phase: phase ? { ru: phase.ru, en: phase.en } : { ru: st.phaseId, en: st.phaseId },
        visits: t?.visits ?? 0,
        p50: hours(t?.p50 ?? null),
        p85: hours(t?.p85 ?? null),
        max: hours(t?.max ?? null),
        sla: hours(st.slaDays * day),
        withinShare: pct(t?.within ?? 0, t?.visits ?? 0),
      }
    })
  const clock = workingTimeIndex(s.calendar, open[0]?.enteredAt ?? now, now)
  const stillThere = open.map((o) => ({
    clientId: o.clientId,
    company: o.company,
    stageId: o.stageId,
    workingMs: clock.between(o.enteredAt, now),
    slaMs: o.slaDays * day,
    open: true,
  }))
  const slowest = [...closed.map((c) => ({ ...c, open: false })), ...stillThere]
    .sort((a, b) => b.workingMs - a.workingMs)
    .slice(0, 10)
    .map((v) => ({
      clientId: v.clientId,
      company: v.company,
      stageId: v.stageId,
      stage: stageName(names, v.stageId),
      hours: hours(v.workingMs),
      sla: hours(v.slaMs),
      open: v.open,
    }))
  const L = s.lang
  return {
    stages,
    slowest,
    tables: {
      stages: {
        columns: labels(['phase', 'stage', 'visits', 'p50', 'p85', 'max', 'sla', 'withinShare'], L),
        rows: stages.map((st) => [
          st.phase[L],
          st.name[L],
          st.visits,
          st.p50,
          st.p85,
          st.max,
          st.sla,
          st.withinShare,
        ]),
      },
      slowest: {
        columns: labels(['client', 'stage', 'hours', 'sla', 'status'], L),
        rows: slowest.map((v) => [
          v.company,
          v.stage[L],
          v.hours,
          v.sla,
          label(v.open ? 'open' : 'done', L),
        ]),
      },
    },
  }
}

const stageName = (names: Names, id: string) => {
  const st = names.stages.find((x) => x.id === id)
  return st ? { ru: st.ru, en: st.en } : { ru: id, en: id }
}

const DIMENSIONS = [
  ['stage', 'byStage'],
  ['role', 'byRole'],
  ['member', 'byMember'],
  ['grade', 'byGrade'],
] as const satisfies readonly (readonly [string, LabelKey])[]

/** Share of stage visits within SLA by stage, role, member and grade, with returns. */
export async function slaReport(
  db: D1Database,
  s: ReportScope,
  names: Names,
  memberNames: Map<string, string>,
) {
  const rows = await slaCompliance(db, visitScope(s))
  const L = s.lang
  const nameOf = (dimension: string, key: string | null) => {
    if (key === null) return label('nobody', L)
    if (dimension === 'stage') return stageName(names, key)[L]
    if (dimension === 'role') return names.roles.find((r) => r.id === key)?.[L] ?? key
    if (dimension === 'member') return memberNames.get(key) ?? key
    return key
  }
  const order = (dimension: string, key: string | null) =>
    dimension === 'stage' ? names.stages.findIndex((st) => st.id === key) : 0
  const groups = DIMENSIONS.map(([dimension, heading]) => ({
    dimension,
    heading: label(heading, L),
    rows: rows
      .filter((r) => r.dimension === dimension)
      .sort((a, b) => order(dimension, a.key) - order(dimension, b.key) || b.visits - a.visits)
      .map((r) => ({
        key: r.key,
        name: nameOf(dimension, r.key),
        visits: r.visits,
        within: r.within,
        share: pct(r.within, r.visits),
        returns: r.returns,
      })),
  }))
  return {
    groups,
    tables: {
      sla: {
        columns: labels(['dimension', 'name', 'visits', 'within', 'withinShare', 'returns'], L),
        rows: groups.flatMap((g) =>
          g.rows.map((r) => [g.heading, r.name, r.visits, r.within, r.share, r.returns]),
        ),
      },
    },
  }
}
