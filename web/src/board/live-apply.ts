import type { Client } from '../../../schema/clients'
import { comparePosition, locate, type Columns } from './board-state'

/**
 * The board with other people's changes: each card newer than ours goes to its server place
 * (another stage, a new spot in the same one, off the board when archived, onto it when new).
 * A copy no newer than ours (our own move's echo, a repeated catch-up) changes nothing. Only
 * the arrays of the columns involved are replaced.
 */
export function applyRemote(columns: Columns, clients: readonly Client[]): Columns {
  let next: Map<string, readonly Client[]> | null = null
  for (const client of clients) {
    const board = next ?? columns
    const from = locate(board, client.id)
    if (from && from.client.version >= client.version) continue
    next ??= new Map(columns)
    if (from) {
      const cards = next.get(from.stageId) ?? []
      next.set(from.stageId, [...cards.slice(0, from.index), ...cards.slice(from.index + 1)])
    }
    const target = next.get(client.stageId)
    if (!target || client.archived) continue
    const index = target.findIndex((c) => comparePosition(client, c) < 0)
    const at = index < 0 ? target.length : index
    next.set(client.stageId, [...target.slice(0, at), client, ...target.slice(at)])
  }
  return next ?? columns
}

/** Ids of the cards a batch would put somewhere else (stage or order), to animate them. */
export function movedBy(columns: Columns, clients: readonly Client[]): string[] {
  return clients
    .filter((client) => {
      const from = locate(columns, client.id)
      if (!from || from.client.version >= client.version) return false
      return from.stageId !== client.stageId || from.client.position !== client.position
    })
    .map((client) => client.id)
}
