import {
  deadlinesToRefresh,
  dueFlags,
  markStatements,
  refreshStatements,
  type DueFlag,
  type FlagAlert,
} from '../db/flag-sweep'
import { alertOrg, type AlertOrg } from '../db/org'
import { slaDeadlines } from '../../shared/clock'
import { FLAG_DEFAULTS, flagAlertText } from '../../shared/flags'
import { alertRecipients } from '../domain/team'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'

/** Flags handled per page: one read and one batch of three statements each. */
const PAGE = 200

/**
 * Who hears of an overdue flag: its owner and their lead; with no owner, the lead of the role the
 * kind belongs to; failing that, the admins.
 */
function alertsFor(flag: DueFlag, level: 1 | 2, org: AlertOrg): FlagAlert[] {
  const text = flagAlertText(flag.kind, flag.company, level, flag.sla_days)
  const to = alertRecipients(
    flag.owner_id,
    FLAG_DEFAULTS[flag.kind].roleId,
    org.members,
    org.admins,
  )
  return to.map((memberId) => ({
    flagId: flag.id,
    memberId,
    clientId: flag.client_id,
    title: text.ru.title,
    body: text.ru.body,
    data: { en: text.en, level, flagId: flag.id, kind: flag.kind },
    dedupeKey: `flag-overdue:${flag.id}:${level}:${memberId}`,
  }))
}

/** Sets the stage deadlines of cards the template migration moved (the clock is the Worker's). */
async function refreshDeadlines(db: D1Database) {
  const rows = await deadlinesToRefresh(db)
  if (rows.length === 0) return 0
  const { value: calendar } = await loadCalendar(db)
  const deadlines = rows.map((r) => ({
    id: r.client_id,
    enteredAt: r.entered_stage_at,
    ...slaDeadlines(r.entered_stage_at, r.sla_days, calendar),
  }))
  await db.batch(refreshStatements(db, deadlines))
  return rows.length
}

/**
 * The flag sweep: open flags past their SLA in working time are marked overdue (and escalated at
 * twice the SLA), with a history event and an inbox entry for the owner and their lead. It runs
 * beside the stage sweep, set-based: per page one read and one batch of three statements. Safe to
 * run twice or concurrently: each statement holds only for flags not yet marked at that level.
 */
export async function flagSweep(env: Env, now: number) {
  const db = env.DB
  const refreshed = await refreshDeadlines(db)
  // Most runs find nothing due: the org chart is read only when a flag needs alerts.
  let org: AlertOrg | null = null
  const found = { overdue: 0, escalated: 0 }
  for (const level of [1, 2] as const) {
    for (let round = 0; round < 100; round += 1) {
      const flags = await dueFlags(db, level, now, PAGE)
      if (flags.length === 0) break
      org ??= await alertOrg(db)
      const chart = org
      // Found already past twice the SLA: the mark goes through both levels, but people hear
      // only the stronger alert, which the second pass sends.
      const alerts = flags
        .filter((f) => level === 2 || f.due2_at === null || f.due2_at > now)
        .flatMap((f) => alertsFor(f, level, chart))
      const ids = flags.map((f) => f.id)
      await db.batch(markStatements(db, ids, alerts, level, now))
      found[level === 1 ? 'overdue' : 'escalated'] += flags.length
      if (flags.length < PAGE) break
    }
  }
  return (
    `Flag sweep: ${found.overdue} flags newly overdue, ${found.escalated} past twice the SLA` +
    (refreshed > 0 ? `, ${refreshed} moved cards given deadlines` : '')
  )
}
