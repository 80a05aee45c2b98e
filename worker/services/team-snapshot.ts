import type { LoadSettings } from '../../schema/load'
import { readLoadRows, type LoadRows } from '../db/load'
import type { Slot } from '../domain/eligibility'
import type { LoadClient } from '../domain/load'
import type { StageRoleKind, Tier } from '../../schema/clients'
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

/** The slot `role` of a client (existing or prospective) at its stage. */
export function slotOf(
  snap: Pick<TeamSnapshot, 'roleNames'>,
  client: { tier: Tier; slotRoles: LoadClient['slotRoles'] },
  role: StageRoleKind,
): Slot {
  const roleId = client.slotRoles[role]
  return { tier: client.tier, role, roleId, roleName: snap.roleNames.get(roleId) ?? roleId }
}
