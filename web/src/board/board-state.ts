import type { Client } from '../../../schema/clients'

/** The cards of every stage column, in board order. Arrays are replaced, never mutated. */
export type Columns = ReadonlyMap<string, readonly Client[]>

/** Where a card goes: a stage, and the card it lands before or after (neither: the end). */
export interface Target {
  stageId: string
  beforeId?: string
  afterId?: string
}

/** Where a card was, to put it back exactly there. */
export interface Snapshot {
  client: Client
  stageId: string
  index: number
}

/** The stage and index of a card, if it is on the board. */
export function locate(columns: Columns, clientId: string): Snapshot | undefined {
  for (const [stageId, cards] of columns) {
    const index = cards.findIndex((c) => c.id === clientId)
    const client = cards[index]
    if (client) return { client, stageId, index }
  }
  return undefined
}

/**
 * The target for dropping a card at `index` of a column as the user sees it (`visible`: the
 * column after filters, the moving card left out). Anchored to a neighbour, as the API wants.
 */
export function targetAt(stageId: string, visible: readonly Client[], index: number): Target {
  const before = visible[index]
  if (before) return { stageId, beforeId: before.id }
  const after = visible[index - 1]
  return after ? { stageId, afterId: after.id } : { stageId }
}

/** True when dropping there leaves the card where it already is. */
export function isNoop(columns: Columns, clientId: string, target: Target): boolean {
  const from = locate(columns, clientId)
  if (!from || from.stageId !== target.stageId) return false
  const cards = columns.get(from.stageId)
  if (!cards) return false
  if (target.beforeId) return cards[from.index + 1]?.id === target.beforeId
  if (target.afterId) return cards[from.index - 1]?.id === target.afterId
  return from.index === cards.length - 1
}

function without(columns: Columns, clientId: string): Map<string, readonly Client[]> {
  const next = new Map(columns)
  const from = locate(columns, clientId)
  if (from) {
    const cards = columns.get(from.stageId) ?? []
    next.set(from.stageId, [...cards.slice(0, from.index), ...cards.slice(from.index + 1)])
  }
  return next
}

function insertAt(cards: readonly Client[], index: number, client: Client): Client[] {
  const at = Math.max(0, Math.min(index, cards.length))
  return [...cards.slice(0, at), client, ...cards.slice(at)]
}

/**
 * The board after moving a card to a target (an optimistic move). Anchors that are no longer
 * in the column fall back to the end. Only the source and target arrays change.
 */
export function applyMove(
  columns: Columns,
  clientId: string,
  target: Target,
  /** When given, a card entering another stage starts its time there now (the server will). */
  at?: string,
): Columns {
  const from = locate(columns, clientId)
  if (!from || !columns.has(target.stageId)) return columns
  const next = without(columns, clientId)
  const cards = next.get(target.stageId) ?? []
  const anchor = (id: string | undefined) => (id ? cards.findIndex((c) => c.id === id) : -1)
  const beforeAt = anchor(target.beforeId)
  const afterAt = anchor(target.afterId)
  const index = beforeAt >= 0 ? beforeAt : afterAt >= 0 ? afterAt + 1 : cards.length
  const moved =
    from.stageId === target.stageId
      ? from.client
      : {
          ...from.client,
          stageId: target.stageId,
          ...(at ? { enteredStageAt: at, dueAt: null, overdueLevel: 0 } : {}),
        }
  next.set(target.stageId, insertAt(cards, index, moved))
  return next
}

/** Puts a card back where a snapshot saw it, wherever it is now (a rolled-back move). */
export function restore(columns: Columns, snapshot: Snapshot): Columns {
  if (!columns.has(snapshot.stageId)) return columns
  const next = without(columns, snapshot.client.id)
  next.set(
    snapshot.stageId,
    insertAt(next.get(snapshot.stageId) ?? [], snapshot.index, snapshot.client),
  )
  return next
}

/** Ordering keys sort by code unit, as the server sorts them (never `localeCompare`). */
export function comparePosition(a: Client, b: Client): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The board with the server's copy of a card. Same stage: replaced in place (the optimistic
 * order already matches). Another stage, or not on the board: placed by its ordering key.
 * An archived card leaves the board.
 */
export function upsert(columns: Columns, client: Client): Columns {
  const from = locate(columns, client.id)
  if (from && from.stageId === client.stageId && !client.archived) {
    const cards = [...(columns.get(from.stageId) ?? [])]
    cards[from.index] = client
    return new Map(columns).set(from.stageId, cards)
  }
  const next = without(columns, client.id)
  const cards = next.get(client.stageId)
  if (!cards || client.archived) return next
  const index = cards.findIndex((c) => comparePosition(client, c) < 0)
  next.set(client.stageId, insertAt(cards, index < 0 ? cards.length : index, client))
  return next
}

/** Stage ids whose arrays differ between two boards: the columns that must re-render. */
export function changedStages(before: Columns, after: Columns): string[] {
  return [...after.keys()].filter((id) => before.get(id) !== after.get(id))
}
