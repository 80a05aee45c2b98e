import type { Client } from '../../schema/clients'
import type { NewEvent } from '../db/clients'
import { listLabels } from '../db/labels'
import { labelDiff } from '../domain/labels'
import { AppError } from '../errors'

/**
 * The history event for setting a card's labels (null: nothing changes). The event names the
 * labels, so the history reads the same after a label is renamed or removed.
 */
export async function labelsEvent(
  db: D1Database,
  client: Client,
  labelIds: readonly string[],
  actorId: string | null,
): Promise<NewEvent | null> {
  const { added, removed } = labelDiff(client.labelIds, labelIds)
  if (added.length === 0 && removed.length === 0) return null
  const names = new Map((await listLabels(db)).map((l) => [l.id, l.name]))
  const unknown = added.filter((id) => !names.has(id))
  if (unknown.length > 0) {
    const message = `No label ${unknown.map((id) => JSON.stringify(id)).join(', ')}`
    throw new AppError(422, 'invalid', message, {}, { labelIds: [message] })
  }
  const name = (id: string) => names.get(id) ?? id
  return { kind: 'labels', actorId, data: { added: added.map(name), removed: removed.map(name) } }
}
