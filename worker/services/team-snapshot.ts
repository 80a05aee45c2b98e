import type { LoadSettings } from '../../schema/load'
import type { Tier } from '../../schema/clients'
import {
  liveClientFrom,
  liveClientQuery,
  readLoadRows,
  readSuggestRows,
  type LiveClient,
  type TeamRows,
} from '../db/load'
import type { Slot } from '../domain/eligibility'
import { loadsFromCounts, memberLoads, overdueCounts, type RoleCounts } from '../domain/load'
import { partOf } from '../domain/people'
import { earliestLocalDate, localDate } from '../../shared/clock'
import { calendarFrom, calendarQuery } from './calendar'
import { loadContext, loadSettingsFrom, loadSettingsQuery } from './load-settings'

/** What ranking people for a role needs: the team, each member's load and overdue cards. */
export interface SuggestSnapshot extends TeamRows {
  settings: LoadSettings
  today: string
  loads: ReadonlyMap<string, number>
  overdue: ReadonlyMap<string, number>
}

/** The team's data at one moment, every live client included, to judge it by. */
export interface TeamSnapshot extends SuggestSnapshot {
  clients: LiveClient[]
}

/** Reads everything the load model needs, fresh: load is never served from a cache. */
export async function teamSnapshot(db: D1Database, now: number): Promise<TeamSnapshot> {
  const { settings, today } = await loadContext(db, now)
  const rows = await readLoadRows(db, today)
  return {
    ...rows,
    settings,
    today,
    loads: memberLoads(rows.clients, settings),
    overdue: overdueCounts(rows.clients),
  }
}

/**
 * The team and its loads from the per-member counts (migration 0020), reading no client: what a
 * suggestion or a single assignment needs, in rows that grow with the members.
 */
export function suggestSnapshot(db: D1Database, now: number): Promise<SuggestSnapshot> {
  return countsSnapshot(db, now)
}

/** A snapshot and the results of the caller's own reads, taken in the same batch. */
export interface SnapshotWith {
  snap: CountsSnapshot
  also: (D1Result | undefined)[]
}

/** The team and loads from the counts, keeping the counts: what the KPI and forecast reports read. */
export interface CountsSnapshot extends SuggestSnapshot {
  roleCounts: RoleCounts[]
}

/** Like suggestSnapshot, with the per-member counts kept (rows per member, none per client). */
export async function countsSnapshot(db: D1Database, now: number): Promise<CountsSnapshot> {
  return (await countsSnapshotWith(db, now, [])).snap
}

/**
 * The counts snapshot with `also` (say, the client or stage a suggestion is for) in ONE batch:
 * the settings and calendar ride along, so absences are read from the earliest date any zone
 * may be at and cut to the calendar's today here.
 */
export async function countsSnapshotWith(
  db: D1Database,
  now: number,
  also: D1PreparedStatement[],
): Promise<SnapshotWith> {
  const read = await readSuggestRows(db, earliestLocalDate(now), [
    loadSettingsQuery(db),
    calendarQuery(db),
    ...also,
  ])
  const { roleCounts, overdue, also: results, ...rows } = read
  const [load, calendar, ...own] = results
  const settings = loadSettingsFrom(load).value
  const today = localDate(now, calendarFrom(calendar).value.timeZone)
  const snap = {
    ...rows,
    absences: rows.absences.filter((a) => a.to >= today),
    settings,
    today,
    loads: loadsFromCounts(roleCounts, rows.roleParts, settings),
    overdue,
    roleCounts,
  }
  return { snap, also: own }
}

/** The counts snapshot and one live client (null: archived or missing), in one batch. */
export async function snapshotAndClient(db: D1Database, now: number, clientId: string) {
  const { snap, also } = await countsSnapshotWith(db, now, [liveClientQuery(db, clientId)])
  return { snap, live: liveClientFrom(also[0], snap.roleParts) }
}

/** A journey role of a client (existing or prospective), with the part it plays in its phase. */
export function slotOf(
  snap: Pick<SuggestSnapshot, 'roleNames' | 'roleParts'>,
  client: { tier: Tier; phaseId: string },
  roleId: string,
): Slot {
  return {
    tier: client.tier,
    role: partOf(snap.roleParts, client.phaseId, roleId),
    roleId,
    roleName: snap.roleNames.get(roleId) ?? roleId,
  }
}
