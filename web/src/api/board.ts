import type { BoardCard } from '../../../schema/board'
import { clientOfBoardCard } from '../../../shared/board-card'
import { answer, api } from './client'

/**
 * openapi-typescript writes a tuple (`prefixItems`) as an array of any of its items; the card
 * is the tuple schema/board.ts declares (the contract tests hold the answers to it).
 */
const asTuple = (card: readonly unknown[]) => card as BoardCard

/**
 * The board's filters as the page's URL holds them (`readFilters` vets them there), with the
 * typed parameters of the call on top.
 */
const withFilters = (filters: URLSearchParams) => (typed: Record<string, unknown>) => {
  const q = new URLSearchParams(filters)
  for (const [key, value] of Object.entries(typed)) if (value !== undefined) q.set(key, `${value}`)
  return q.toString()
}

/** The first page of every column, with counts, under the filters (`limit` 0: counts only). */
export async function getBoard(filters: URLSearchParams, limit?: number, signal?: AbortSignal) {
  return (await getBoardAt(filters, limit, signal)).columns
}

/** The board's columns with the change feed's cursor as of them (where live updates go on). */
export async function getBoardAt(filters: URLSearchParams, limit?: number, signal?: AbortSignal) {
  const board = await answer(
    api.GET('/api/board', {
      params: { query: { limit } },
      querySerializer: withFilters(filters),
      signal,
    }),
  )
  const columns = board.columns.map((c) => ({
    ...c,
    cards: c.cards.map((card) => clientOfBoardCard(asTuple(card), board.members, c.stageId)),
  }))
  return { columns, feedCursor: board.feedCursor }
}

/** A column's next page, after the `next` its last page gave. */
export async function getColumnPage(stageId: string, after: string, filters: URLSearchParams) {
  const page = await answer(
    api.GET('/api/board/columns/{stageId}', {
      params: { path: { stageId }, query: { after } },
      querySerializer: withFilters(filters),
    }),
  )
  return {
    ...page,
    cards: page.cards.map((card) => clientOfBoardCard(asTuple(card), page.members, page.stageId)),
  }
}
