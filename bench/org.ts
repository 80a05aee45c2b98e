/**
 * A large organisation for the benchmarks: 300 members in 24 teams and any number of clients
 * over the journey's stages. Pure and deterministic: the same seed, size and stages give the
 * same people, cards, columns and overdue set; only the timestamps move with `now`.
 */
import { DEFAULT_CALENDAR, slaDeadlines } from '../shared/clock'
import { companyName, personName } from './names'
import { randomTools, type Random } from './prng'

export type Grade = 'intern' | 'junior' | 'middle' | 'senior' | 'lead'

export interface BenchStage {
  id: string
  slaDays: number
  wipLimit: number | null
  overduePolicy: 'flag' | 'return'
  roles: { owner: string; communicator: string; support: string }
}

export interface BenchMember {
  id: string
  name: string
  grade: Grade
  roleIds: string[]
  managerId: string | null
  active: boolean
}

export interface BenchClient {
  id: string
  name: string
  company: string
  tier: 'A' | 'B' | 'C'
  score: number | null
  stageId: string
  enteredStageAt: number
  createdAt: number
  dueAt: number | null
  due2At: number | null
  /** The client's person per journey role. */
  people: Record<string, string>
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** On-time cards stay on time for at least this long: the whole run, sweep included. */
const MARGIN = 3 * HOUR
const TEAM_ROLES = ['account_manager', 'sales', 'bizdev', 'support', 'finance', 'marketing']
const ALL_ROLES = [...TEAM_ROLES, 'product', 'team_lead']
/** 24 team leads; m-02 leads the account managers and m-04 is a senior on his team, as in the demo accounts. */
const LEAD_INDEXES = [2, 3, ...Array.from({ length: 22 }, (_, i) => i + 5)]

export const memberId = (index: number) => `m-${String(index).padStart(2, '0')}`
export const clientId = (index: number) => `c-${String(index).padStart(5, '0')}`

/** 300 members: a head, 24 leads (grade lead) and 275 people spread over their teams. */
export function benchMembers(r: Random, count = 300): BenchMember[] {
  const head: BenchMember = {
    id: memberId(1),
    name: personName(r),
    grade: 'lead',
    roleIds: ['team_lead'],
    managerId: null,
    active: true,
  }
  const leads = LEAD_INDEXES.map((index, team) => ({
    id: memberId(index),
    name: personName(r),
    grade: 'lead' as const,
    roleIds: [TEAM_ROLES[team % TEAM_ROLES.length] ?? 'sales', 'team_lead'],
    managerId: head.id,
    active: true,
  }))
  const rest: BenchMember[] = []
  const taken = new Set([1, ...LEAD_INDEXES])
  for (let index = 4, k = 0; rest.length < count - 1 - leads.length; index += 1) {
    if (taken.has(index)) continue
    const lead = leads[k % leads.length] ?? head
    const teamRole = lead.roleIds[0] ?? 'sales'
    const roll = r.next()
    const grade: Grade =
      k === 0
        ? 'senior'
        : roll < 0.1
          ? 'intern'
          : roll < 0.35
            ? 'junior'
            : roll < 0.7
              ? 'middle'
              : 'senior'
    const second =
      r.next() < 0.2 ? r.pick(ALL_ROLES.filter((x) => x !== teamRole && x !== 'team_lead')) : null
    rest.push({
      id: memberId(index),
      name: personName(r),
      grade,
      roleIds: second ? [teamRole, second] : [teamRole],
      managerId: lead.id,
      active: k % 97 !== 96,
    })
    k += 1
  }
  return [head, ...leads, ...rest]
}

/** Cards per stage: a busy funnel entry and account care, thin late stages, WIP limits kept. */
function columnSizes(r: Random, stages: readonly BenchStage[], total: number): number[] {
  const weights = stages.map(
    (s, i) =>
      (1 + 2.5 * Math.exp(-i / 6) + (i >= 20 && i < 30 ? 1.2 : 0)) *
      (0.7 + 0.6 * r.next()) *
      (s.wipLimit === null ? 1 : 0),
  )
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = stages.map((s, i) =>
    s.wipLimit === null
      ? Math.floor(((weights[i] ?? 0) / sum) * total)
      : Math.max(0, Math.min(s.wipLimit - 3, Math.floor(total / stages.length))),
  )
  let left = total - sizes.reduce((a, b) => a + b, 0)
  for (let i = 0; left !== 0; i = (i + 1) % stages.length) {
    if (stages[i]?.wipLimit !== null) continue
    sizes[i] = (sizes[i] ?? 0) + Math.sign(left)
    left -= Math.sign(left)
  }
  return sizes
}

/** Deadlines are costly (calendar arithmetic): entry times sit on an hourly grid, memoised. */
function deadlineCache(now: number) {
  const memo = new Map<string, { dueAt: number | null; due2At: number | null }>()
  const base = Math.floor(now / HOUR) * HOUR
  return (hoursAgo: number, slaDays: number) => {
    const key = `${hoursAgo}:${slaDays}`
    let hit = memo.get(key)
    if (!hit) memo.set(key, (hit = slaDeadlines(base - hoursAgo * HOUR, slaDays, DEFAULT_CALENDAR)))
    return { enteredAt: base - hoursAgo * HOUR, ...hit }
  }
}

/**
 * `count` clients over `stages`; exactly `overdueShare` of them past their SLA and not yet
 * marked (the sweep has work), the rest on time for the length of the run.
 */
export function benchClients(
  r: Random,
  stages: readonly BenchStage[],
  members: readonly BenchMember[],
  count: number,
  now: number,
  overdueShare = 0.1,
): BenchClient[] {
  const deadlines = deadlineCache(now)
  const byRole = new Map(
    ALL_ROLES.map((role) => [role, members.filter((m) => m.active && m.roleIds.includes(role))]),
  )
  const assignee = (role: string) => {
    const pool = byRole.get(role) ?? []
    return pool.length === 0 || r.next() < 0.05 ? null : r.pick(pool).id
  }
  // Times come from their own stream: a run on another weekday changes no name or assignee.
  const t = randomTools(Math.floor(r.next() * 2 ** 31))
  const overdue = new Set(
    r
      .shuffle(Array.from({ length: count }, (_, i) => i))
      .slice(0, Math.round(count * overdueShare)),
  )
  const sizes = columnSizes(r, stages, count)
  const out: BenchClient[] = []
  stages.forEach((stage, s) => {
    for (let n = 0; n < (sizes[s] ?? 0); n += 1) {
      const index = out.length
      const late = overdue.has(index)
      let at = deadlines(1, stage.slaDays)
      for (let attempt = 0; attempt < 30; attempt += 1) {
        const span = late ? stage.slaDays * 3.5 + 4 : stage.slaDays * 1.6
        const hoursAgo = 1 + t.int(Math.ceil(span * 24))
        const d = deadlines(hoursAgo, stage.slaDays)
        const isLate = d.dueAt !== null && d.dueAt <= now
        if (late ? isLate : d.dueAt !== null && d.dueAt > now + MARGIN) {
          at = d
          break
        }
      }
      const roll = r.next()
      // The stage's three roles get a person each (where one role fills two slots, once).
      const people: Record<string, string> = {}
      for (const slot of ['owner', 'communicator', 'support'] as const) {
        const role = stage.roles[slot]
        const id = assignee(role)
        if (id && people[role] === undefined) people[role] = id
      }
      out.push({
        id: clientId(index + 1),
        name: personName(r),
        company: companyName(r),
        tier: roll < 0.2 ? 'A' : roll < 0.55 ? 'B' : 'C',
        score: r.next() < 0.1 ? null : r.int(101),
        stageId: stage.id,
        enteredStageAt: at.enteredAt,
        createdAt: at.enteredAt - t.int(60) * DAY - t.int(24) * HOUR,
        dueAt: at.dueAt,
        due2At: at.due2At,
        people,
      })
    }
  })
  return out
}

/** The whole organisation for one size. */
export function benchOrg(stages: readonly BenchStage[], count: number, now: number, seed = 2026) {
  const r = randomTools(seed)
  const members = benchMembers(r)
  return { members, clients: benchClients(r, stages, members, count, now) }
}
