import type { Journey } from '../../../schema/journey'
import type { Member } from '../../../schema/members'
import { DEFAULT_CALENDAR, type Calendar } from '../../../shared/clock'
import { getBoard, getBoardAt } from '../api/board'
import { getCalendar } from '../api/calendar'
import { getJourney } from '../api/journey'
import { listMembers } from '../api/members'
import { boardQuery, readFilters } from '../board/filters'

/** What the board needs before it can draw its first card. */
export interface BoardData {
  journey: Journey
  board: Awaited<ReturnType<typeof getBoard>>
  members: Member[]
  calendar: Calendar
  /** The change feed's cursor as of the cards (the board answer reads both in one transaction). */
  cursor: number | null
}

/**
 * The journey, the first page of every column under `query`, the team and the calendar, all at
 * once. The feed's cursor comes with the cards, read in the same transaction: whatever changes
 * after them is caught up, never lost, and no round trip for the cursor goes first. Without the
 * calendar the board still works: the server's deadlines decide overdue.
 */
export function loadBoardData(query: string, signal?: AbortSignal): Promise<BoardData> {
  const calendar = getCalendar(signal).then(
    (setting) => setting.calendar,
    () => DEFAULT_CALENDAR,
  )
  return Promise.all([
    getJourney(signal),
    getBoardAt(new URLSearchParams(query), undefined, signal),
    listMembers(signal),
    calendar,
  ]).then(([journey, { columns: board, feedCursor }, members, calendar]) => ({
    journey,
    board,
    members,
    calendar,
    cursor: feedCursor,
  }))
}

let early: { query: string; data: Promise<BoardData> } | null = null

/**
 * Asks for the board's data as soon as the session check answers, not after the app's first
 * render and the page's own (issue 15: the first card waited for both). Signed out, nothing is
 * asked: a 401 there would send the sign-in page on a detour. "Mine" needs the signed-in
 * member, so that view waits for the page as before.
 */
export function startBoardLoad(search: URLSearchParams, session: Promise<unknown>): void {
  const filters = readFilters(search)
  if (filters.mine) return
  const query = boardQuery(filters, null).toString()
  const data = session.then((user) =>
    user ? loadBoardData(query) : Promise.reject(new Error('signed out')),
  )
  // Unused (signed out, another view by then) it is simply dropped: no unhandled rejection.
  data.catch(() => undefined)
  early = { query, data }
}

/**
 * The board's data for `query`: the load started with the app if it asked for the same and
 * succeeded (taken once), otherwise a load of its own.
 */
export function takeBoardLoad(query: string, signal: AbortSignal): Promise<BoardData> {
  const started = early
  early = null
  if (!started || started.query !== query) return loadBoardData(query, signal)
  return started.data.catch(() => loadBoardData(query, signal))
}
