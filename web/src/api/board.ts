import type { Board, BoardCard, ColumnPage } from '../../../schema/board'
import type { Client } from '../../../schema/clients'
import { request } from './client'

/**
 * A board card as the board's state keeps cards: in its column's stage, live, with the extras
 * the answer leaves out when empty. The board never shows when a card was created or edited,
 * nor the client's people beyond who acts at the stage: the drawer and the assign dialog read
 * the whole client for those.
 */
const asClient = (card: BoardCard, stageId: string): Client => ({
  ...card,
  stageId,
  people: {},
  archived: false,
  createdAt: card.enteredStageAt,
  updatedAt: card.enteredStageAt,
  kam: card.kam ?? null,
  flags: card.flags ?? [],
  labelIds: card.labelIds ?? [],
  dueDate: card.dueDate ?? null,
  tasks: card.tasks ?? { open: 0, done: 0, next: null },
})

/** The first page of every column, with counts, under the filters (`limit` 0: counts only). */
export async function getBoard(query: URLSearchParams, limit?: number, signal?: AbortSignal) {
  const q = new URLSearchParams(query)
  if (limit !== undefined) q.set('limit', String(limit))
  const board = await request<Board>(`/api/board?${q.toString()}`, { signal })
  return board.columns.map((c) => ({
    ...c,
    cards: c.cards.map((card) => asClient(card, c.stageId)),
  }))
}

/** A column's next page, after the `next` its last page gave. */
export async function getColumnPage(stageId: string, after: string, query: URLSearchParams) {
  const q = new URLSearchParams(query)
  q.set('after', after)
  const page = await request<ColumnPage>(
    `/api/board/columns/${encodeURIComponent(stageId)}?${q.toString()}`,
  )
  return { ...page, cards: page.cards.map((card) => asClient(card, page.stageId)) }
}
