import type { Board, BoardCard, ColumnPage } from '../../../schema/board'
import type { Client } from '../../../schema/clients'
import type { Filters } from '../board/filters'
import { request } from './client'

/** The board's filters as the API takes them (phase focus only hides columns: not sent). */
export function boardQuery(f: Filters, myMemberId: string | null): URLSearchParams {
  const q = new URLSearchParams()
  const member = f.mine ? myMemberId : f.member
  // "Mine" for an account that holds no card roles matches nothing: an id nobody has.
  if (f.mine || f.member) q.set('memberId', member ?? '-')
  if (f.as) q.set('as', f.as)
  if (f.role) q.set('role', f.role)
  if (f.tiers.length > 0) q.set('tier', f.tiers.join(','))
  if (f.overdue) q.set('overdue', '1')
  if (f.q.trim()) q.set('q', f.q.trim())
  if (f.label) q.set('label', f.label)
  if (f.kam) q.set('kam', f.kam)
  return q
}

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
