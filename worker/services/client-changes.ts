import type { Client, ClientPatch, StageRoleKind } from '../../schema/clients'
import type { ClientFields, NewEvent } from '../db/clients'

const ROLE_KINDS: StageRoleKind[] = ['owner', 'communicator', 'support']

/**
 * Turns a patch into the new column values and the history entries it deserves: one `edited`
 * with the changed fields, one `assigned` per role whose member changed, and `archived` /
 * `restored`. No entries means nothing changed.
 */
export function clientChanges(
  client: Client,
  patch: ClientPatch,
  actorId: string | null,
): { fields: ClientFields; events: NewEvent[] } {
  const assignees = { ...client.assignees, ...patch.assignees }
  const fields: ClientFields = {
    name: patch.name ?? client.name,
    company: patch.company ?? client.company,
    tier: patch.tier ?? client.tier,
    score: patch.score === undefined ? client.score : patch.score,
    owner: assignees.owner,
    communicator: assignees.communicator,
    support: assignees.support,
    archived: patch.archived ?? client.archived,
  }
  const events: NewEvent[] = []
  const edited: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of ['name', 'company', 'tier', 'score'] as const) {
    if (fields[key] !== client[key]) edited[key] = { from: client[key], to: fields[key] }
  }
  if (Object.keys(edited).length > 0) events.push({ kind: 'edited', actorId, data: edited })
  for (const role of ROLE_KINDS) {
    if (assignees[role] !== client.assignees[role]) {
      const data = { role, from: client.assignees[role], to: assignees[role] }
      events.push({ kind: 'assigned', actorId, data })
    }
  }
  if (fields.archived !== client.archived) {
    events.push({ kind: fields.archived ? 'archived' : 'restored', actorId })
  }
  return { fields, events }
}
