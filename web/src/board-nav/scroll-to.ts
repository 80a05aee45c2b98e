import type { BoardContextValue } from '../board/board-context'
import { slotTop } from '../board/layout'

/** The board's horizontal scroller. */
const boardElement = () => document.querySelector<HTMLElement>('main.board')

/** Scrolls the board so a phase starts at its left edge. */
export function scrollToPhase(phaseId: string): boolean {
  const board = boardElement()
  const section = board?.querySelector<HTMLElement>(`[data-phase-id="${CSS.escape(phaseId)}"]`)
  if (!board || !section) return false
  const left = section.getBoundingClientRect().left - board.getBoundingClientRect().left
  board.scrollTo({ left: board.scrollLeft + left - 8 })
  return true
}

/**
 * Brings a column into view, scrolls its list to a card and puts the keyboard focus on that
 * card (rows are drawn only in view, so the card exists only after the scroll).
 */
export function scrollToCard(board: BoardContextValue, stageId: string, clientId: string): boolean {
  const handle = board.columns.get(stageId)
  if (!handle) return false
  handle.section.scrollIntoView({ inline: 'center', block: 'nearest' })
  const index = handle.shown().findIndex((c) => c.id === clientId)
  if (index >= 0) handle.scroller.scrollTop = Math.max(0, slotTop(index) - 8)
  handle.section.classList.remove('column--flash')
  void handle.section.offsetWidth
  handle.section.classList.add('column--flash')
  const focus = (tries: number) =>
    requestAnimationFrame(() => {
      const card = handle.section.querySelector<HTMLElement>(
        `.card-slot:has([data-client-id="${CSS.escape(clientId)}"])`,
      )
      if (card) card.focus({ preventScroll: true })
      else if (tries > 0) focus(tries - 1)
    })
  focus(5)
  return true
}

/** Which phase the board's left edge is in now. */
export function phaseInView(): string | null {
  const board = boardElement()
  if (!board) return null
  const edge = board.getBoundingClientRect().left + 40
  for (const section of board.querySelectorAll<HTMLElement>('[data-phase-id]')) {
    const rect = section.getBoundingClientRect()
    if (rect.right > edge) return section.dataset.phaseId ?? null
  }
  return null
}
