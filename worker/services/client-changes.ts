import type { Client, ClientPatch } from '../../schema/clients'
import type { ClientFields, NewEvent } from '../db/clients'

/**
 * Turns a patch's own fields into the new column values and the history entries they deserve:
 * one `edited` with the changed fields, and `archived` / `restored`. People go through
 * `vetPeople`. No entries means nothing changed.
 */
export function clientChanges(
  client: Client,
  patch: ClientPatch,
  actorId: string | null,
): { fields: ClientFields; events: NewEvent[] } {
  const fields: ClientFields = {
    name: patch.name ?? client.name,
    company: patch.company ?? client.company,
    tier: patch.tier ?? client.tier,
    score: patch.score === undefined ? client.score : patch.score,
    archived: patch.archived ?? client.archived,
    dueDate: patch.dueDate === undefined ? client.dueDate : patch.dueDate,
  }
  const events: NewEvent[] = []
  const edited: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of ['name', 'company', 'tier', 'score', 'dueDate'] as const) {
    if (fields[key] !== client[key]) edited[key] = { from: client[key], to: fields[key] }
  }
  if (Object.keys(edited).length > 0) events.push({ kind: 'edited', actorId, data: edited })
  if (fields.archived !== client.archived) {
    events.push({ kind: fields.archived ? 'archived' : 'restored', actorId })
  }
  return { fields, events }
}
