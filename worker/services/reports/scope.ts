import { can } from '../../../schema/access'
import type { Context } from 'hono'
import type { Tier } from '../../../schema/clients'
import type { ReportFilters } from '../../../schema/reports'
import { localDate, localMidnight, type Calendar } from '../../../shared/clock'
import { listOrgMembers } from '../../db/members'
import { teamOf, type OrgMember } from '../../domain/team'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import { loadCalendar } from '../calendar'

const DAY = 86_400_000
const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * DAY).toISOString().slice(0, 10)

/** What a report request may see and asked for, resolved once per request. */
export interface ReportScope {
  lang: 'ru' | 'en'
  calendar: Calendar
  today: string
  /** Inclusive local dates, and the instants they cover: [fromMs, toMs). */
  from: string
  to: string
  fromMs: number
  toMs: number
  phaseId: string | null
  tier: Tier | null
  roleId: string | null
  /** Members whose figures count; null = everyone (an admin without a team or member filter). */
  owners: string[] | null
  /** Teams (lead ids) the caller may see: null = all. */
  leads: string[] | null
  members: OrgMember[]
}

const forbidden = (message: string) => new AppError(403, 'forbidden', message)

/**
 * Members see their own figures, leads their team's (themselves and everyone under them),
 * admins everyone's. A team or member filter narrows that; asking outside it is a 403.
 */
export async function reportScope(c: Context<AppEnv>, f: ReportFilters): Promise<ReportScope> {
  const db = c.env.DB
  const [{ value: calendar }, members] = await Promise.all([loadCalendar(db), listOrgMembers(db)])
  const identity = c.get('identity')
  let owners: string[] | null = null
  let leads: string[] | null = null
  if (!(identity && can(identity.role, 'teams.all'))) {
    const self = identity?.memberId ?? null
    if (self === null) throw forbidden('Reports need an account linked to a member')
    if (identity?.role === 'lead') {
      owners = [...teamOf(self, members)]
      leads = owners
    } else {
      if (f.team) throw forbidden('Team reports are for leads and admins')
      owners = [self]
      leads = []
    }
  }
  const within = (ids: string[]) =>
    owners === null ? ids : ids.filter((id) => owners?.includes(id))
  if (f.team) {
    if (!members.some((m) => m.id === f.team))
      throw new AppError(422, 'invalid', 'No such team', {}, { team: ['No member with this id'] })
    if (owners !== null && !owners.includes(f.team))
      throw forbidden('A lead sees their own team only')
    owners = within([...teamOf(f.team, members)])
  }
  if (f.member) {
    if (owners !== null && !owners.includes(f.member))
      throw forbidden('Outside the figures you may see')
    owners = [f.member]
  }
  const today = localDate(Date.now(), calendar.timeZone)
  const to = f.to ?? today
  const from = f.from ?? addDays(to, -89)
  return {
    lang: f.lang,
    calendar,
    today,
    from,
    to,
    fromMs: localMidnight(from, calendar.timeZone),
    toMs: localMidnight(addDays(to, 1), calendar.timeZone),
    phaseId: f.phase ?? null,
    tier: f.tier ?? null,
    roleId: f.role ?? null,
    owners,
    leads,
    members,
  }
}

export const scopeDays = { addDays }
