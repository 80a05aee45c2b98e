import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Stage } from '../../../schema/journey'
import type { Target } from '../board/board-state'
import type { SelectionStore } from './selection-store'

/** The board's quick edits, for cards, their menus and the drawer. */
export interface QuickActions {
  selection: SelectionStore
  /** Moving, renaming, archiving and adding cards (members and up). */
  canEdit: boolean
  /** Choosing people for many cards at once (leads and admins). */
  canAssign: boolean
  /** Moves a card the way a drop does: conflicts, a full column, assign-after-move, Undo. */
  move: (clientId: string, target: Target) => void
  /** Opens the stage list to move these cards. */
  pickStage: (clientIds: readonly string[]) => void
  archive: (clientId: string) => void
  /** Opens the new-card form for the top of a column. */
  addCard: (stage: Stage) => void
}

export const QuickContext = createContext<QuickActions | null>(null)

/** The quick edits, or null outside the board (the drag overlay's card has none). */
export function useQuick(): QuickActions | null {
  return useContext(QuickContext)
}
