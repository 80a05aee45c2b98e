import type { Board, BoardCard, ColumnPage } from '../../../schema/board'
import type { Client } from '../../../schema/clients'
import { request } from './client'

/**
 * A board card as the board's state keeps cards. The board only holds live cards, and never
 * shows when a card was created or last edited (the drawer reads the whole card to show more).
 */
const asClient = (card: BoardCard): Client => ({
  ...card,
  archived: false,
  createdAt: card.enteredStageAt,
  updatedAt: card.enteredStageAt,
})

/** The first page of every column, with counts, under the filters (`limit` 0: counts only). */
export async function getBoard(query: URLSearchParams, limit?: number, signal?: AbortSignal) {
  const q = new URLSearchParams(query)
  if (limit !== undefined) q.set('limit', String(limit))
  const board = await request<Board>(`/api/board?${q.toString()}`, { signal })
  return board.columns.map((c) => ({ ...c, cards: c.cards.map(asClient) }))
}

/** A column's next page, after the `next` its last page gave. */
export async function getColumnPage(stageId: string, after: string, query: URLSearchParams) {
  const q = new URLSearchParams(query)
  q.set('after', after)
  const page = await request<ColumnPage>(
    `/api/board/columns/${encodeURIComponent(stageId)}?${q.toString()}`,
  )
  return { ...page, cards: page.cards.map(asClient) }
}
