import { locate, type Columns, type Target } from '../board/board-state'

/** Where a card sits now, as a move target that puts it back exactly there. */
export function placeOf(columns: Columns, clientId: string): Target | undefined {
  const at = locate(columns, clientId)
  if (!at) return undefined
  const cards = columns.get(at.stageId) ?? []
  const next = cards[at.index + 1]
  const previous = cards[at.index - 1]
  if (next) return { stageId: at.stageId, beforeId: next.id }
  return previous ? { stageId: at.stageId, afterId: previous.id } : { stageId: at.stageId }
}
