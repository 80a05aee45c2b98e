import type { Client } from '../../schema/clients'
import { getClient } from '../db/clients'
import { writePeople } from '../db/people'
import type { Identity } from '../env'
import { AppError, notFound } from '../errors'
import { versionConflict } from './move-client'
import { vetPeople, type PickFields } from './people'
import { snapshotAndClient } from './team-snapshot'

/** One role's change on a client: a member, or null to leave the role empty. */
export interface PersonRequest {
  roleId: string
  memberId: string | null
  version: number
  reason?: string | undefined
}

const FIELDS: PickFields = { member: () => 'memberId', reason: 'reason' }

/**
 * Sets (or clears) the client's person for one journey role through the one gate (`vetPeople`):
 * eligibility, the lead's team, a reason when not the top suggestion, the history event. The
 * version the caller saw must still be current.
 */
export async function setPerson(
  db: D1Database,
  clientId: string,
  req: PersonRequest,
  identity: Identity | null,
  now: number,
): Promise<Client> {
  const client = await getClient(db, clientId)
  if (!client) throw notFound('Client', clientId)
  if (client.version !== req.version) throw versionConflict(client)
  if (client.archived) throw new AppError(409, 'archived', `Client ${clientId} is archived`)
  const { snap, live } = await snapshotAndClient(db, now, clientId)
  // The snapshot is read after the check above: a card changed in between is a conflict too.
  if (!live || live.version !== req.version) {
    throw versionConflict((await getClient(db, clientId)) ?? client)
  }
  const picks = { people: { [req.roleId]: req.memberId }, reason: req.reason?.trim() || null }
  const { changes, events } = vetPeople(snap, live, picks, identity, FIELDS)
  if (events.length === 0) return client
  const landed = await writePeople(db, {
    clientId,
    version: req.version,
    changes,
    events,
    actorId: identity?.id ?? null,
    now,
    op: crypto.randomUUID(),
  })
  const current = (await getClient(db, clientId)) ?? client
  if (!landed) throw versionConflict(current)
  return current
}
