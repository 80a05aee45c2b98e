import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { Role, Stage } from '../../../schema/journey'
import type { Member } from '../../../schema/members'
import type { Calendar } from '../../../shared/clock'
import type { BoardStore } from './board-store'
import type { DragStore } from './drag-store'
import type { PresenceStore } from './presence-store'

/** A column's live elements and what it shows, for the keyboard and pointer drag logic. */
export interface ColumnHandle {
  section: HTMLElement
  scroller: HTMLElement
  /** The cards the column shows now (filters applied), in order. */
  shown: () => readonly Client[]
}

/** Everything a column or a card needs; stable for the life of the board except on purpose. */
export interface BoardContextValue {
  store: BoardStore
  drag: DragStore
  /** Who else is on the board and what they drag (from the live board's socket). */
  presence: PresenceStore
  stages: Map<string, Stage>
  roles: Map<string, Role>
  members: Map<string, Member>
  /** The filter predicate; a new one re-renders the columns (a new view). */
  shows: (client: Client, stage: Stage) => boolean
  now: Date
  /** The organisation calendar: time in stage counts its working hours only. */
  calendar: Calendar
  canMove: boolean
  columns: Map<string, ColumnHandle>
  /** Opens a card's drawer; with an intent, straight at logging a call or time. */
  openCard: (clientId: string, intent?: CardIntent) => void
}

/** What the card's menu may open its drawer for (the `do` parameter of the board's URL). */
export type CardIntent = 'call' | 'time'

export const isCardIntent = (value: string | null): value is CardIntent =>
  value === 'call' || value === 'time'

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard outside <BoardContext.Provider>')
  return value
}

/** The cards of one column, re-rendering only when that column changes. */
export function useColumnCards(store: BoardStore, stageId: string): readonly Client[] {
  const [cards, setCards] = useState(() => store.column(stageId))
  useEffect(() => {
    const update = () => setCards(store.column(stageId))
    update()
    return store.subscribe(stageId, update)
  }, [store, stageId])
  return cards
}
