import type { AssignRequest } from '../../schema/assignments'
import type { Client } from '../../schema/clients'
import { getClient } from '../db/clients'
import { assignSlot } from '../db/assignments'
import { exclusions } from '../domain/eligibility'
import type { Identity } from '../env'
import { AppError, notFound } from '../errors'
import { versionConflict } from './move-client'
import { poolFor, suggestionFor } from './suggestions'
import { slotOf, teamSnapshot } from './team-snapshot'

const invalid = (field: string, messages: string[]) =>
  new AppError(422, 'invalid', messages.join('; '), {}, { [field]: messages })

/**
 * Assigns a member to a slot of a client and records the choice: who was suggested first and,
 * when the lead picks someone else, why. Only eligible members are accepted; the version the
 * caller saw must still be current.
 */
export async function assignClient(
  db: D1Database,
  clientId: string,
  req: AssignRequest,
  identity: Identity | null,
  now: number,
): Promise<Client> {
  const client = await getClient(db, clientId)
  if (!client) throw notFound('Client', clientId)
  if (client.version !== req.version) throw versionConflict(client)
  if (client.archived) throw new AppError(409, 'archived', `Client ${clientId} is archived`)
  const snap = await teamSnapshot(db, now)
  const live = snap.clients.find((c) => c.id === clientId)
  const member = snap.members.find((m) => m.id === req.memberId)
  if (!member) throw invalid('memberId', [`No member ${JSON.stringify(req.memberId)}`])
  // The snapshot is read after the check above: a card changed in between is a conflict too.
  if (!live || live.version !== req.version) {
    throw versionConflict((await getClient(db, clientId)) ?? client)
  }
  const slot = slotOf(snap, live, req.role)
  const out = exclusions(member, slot, snap.absences, snap.today, snap.settings)
  if (out.length > 0) {
    throw invalid(
      'memberId',
      out.map((e) => `${member.name}: ${e.text}`),
    )
  }
  const from = client.assignees[req.role]
  if (from === member.id) return client

  const pool = poolFor(snap, identity)
  const { candidates } = suggestionFor(snap, live, req.role, pool)
  const suggested = candidates[0]?.memberId ?? null
  const reason = req.reason?.trim() || null
  if (member.id !== suggested && !reason) {
    const top = candidates[0] ? `${candidates[0].name} (${candidates[0].memberId})` : 'nobody'
    throw invalid('reason', [`Say why you pick someone other than the top suggestion, ${top}`])
  }
  const op = crypto.randomUUID()
  const landed = await assignSlot(db, {
    clientId,
    version: req.version,
    role: req.role,
    memberId: member.id,
    event: {
      kind: 'assigned',
      actorId: identity?.id ?? null,
      data: { role: req.role, from, to: member.id, suggested, reason },
      op,
    },
    now,
  })
  const current = (await getClient(db, clientId)) ?? client
  if (!landed) throw versionConflict(current)
  return current
}
