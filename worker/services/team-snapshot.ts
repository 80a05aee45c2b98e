import type { LoadSettings } from '../../schema/load'
import type { Tier } from '../../schema/clients'
import { readLoadRows, type LoadRows } from '../db/load'
import type { Slot } from '../domain/eligibility'
import { partOf } from '../domain/people'
import { loadContext } from './load-settings'

/** The team's data at one moment, with the settings and local date to judge it by. */
export interface TeamSnapshot extends LoadRows {
  settings: LoadSettings
  today: string
}

/** Reads everything the load model needs, fresh: load is never served from a cache. */
export async function teamSnapshot(db: D1Database, now: number): Promise<TeamSnapshot> {
  const { settings, today } = await loadContext(db, now)
  return { ...(await readLoadRows(db, today)), settings, today }
}

/** A journey role of a client (existing or prospective), with the part it plays in its phase. */
export function slotOf(
  snap: Pick<TeamSnapshot, 'roleNames' | 'roleParts'>,
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
