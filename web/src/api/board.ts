import type { Board, ColumnPage } from '../../../schema/board'
import { clientOfBoardCard } from '../../../shared/board-card'
import { request } from './client'

/** The first page of every column, with counts, under the filters (`limit` 0: counts only). */
export async function getBoard(query: URLSearchParams, limit?: number, signal?: AbortSignal) {
  const q = new URLSearchParams(query)
  if (limit !== undefined) q.set('limit', String(limit))
  const board = await request<Board>(`/api/board?${q.toString()}`, { signal })
  return board.columns.map((c) => ({
    ...c,
    cards: c.cards.map((card) => clientOfBoardCard(card, board.members, c.stageId)),
  }))
}

/** A column's next page, after the `next` its last page gave. */
export async function getColumnPage(stageId: string, after: string, query: URLSearchParams) {
  const q = new URLSearchParams(query)
  q.set('after', after)
  const page = await request<ColumnPage>(
    `/api/board/columns/${encodeURIComponent(stageId)}?${q.toString()}`,
  )
  return {
    ...page,
    cards: page.cards.map((card) => clientOfBoardCard(card, page.members, page.stageId)),
  }
}
