import type { ColumnHandle } from './board-context'
import type { DragStore } from './drag-store'
import type { Arrow } from './keyboard-sensor'
import { CARD_HEIGHT, ROW, slotTop } from './layout'

/** What the drag logic reads: the drag state, the live columns, and their order on screen. */
export interface DragGeometry {
  drag: DragStore
  columns: Map<string, ColumnHandle>
  /** Stage ids of the columns on screen (collapsed phases left out), left to right. */
  order: readonly string[]
}

/**
 * The drop in list terms: `index` among the column's shown cards without the dragged one, of
 * `size` such cards. In the source column the dragged card still occupies its row, so display
 * slots just above and below it both mean "stay".
 */
export interface Drop {
  stageId: string
  index: number
  size: number
}

function fromIndex(g: DragGeometry, stageId: string): number {
  const { activeId, fromStageId } = g.drag.current
  if (!activeId || fromStageId !== stageId) return -1
  return (g.columns.get(stageId)?.shown() ?? []).findIndex((c) => c.id === activeId)
}

function sizeWithout(g: DragGeometry, stageId: string): number {
  const shown = g.columns.get(stageId)?.shown().length ?? 0
  return fromIndex(g, stageId) >= 0 ? shown - 1 : shown
}

export function dropTarget(g: DragGeometry): Drop | undefined {
  const target = g.drag.current.target
  if (!target) return undefined
  const from = fromIndex(g, target.stageId)
  const index = from >= 0 && target.slot > from ? target.slot - 1 : target.slot
  return { stageId: target.stageId, index, size: sizeWithout(g, target.stageId) }
}

/** The display slot for a drop index (the inverse of {@link dropTarget}). */
function slotFor(g: DragGeometry, stageId: string, index: number): number {
  const from = fromIndex(g, stageId)
  return from >= 0 && index > from ? index + 1 : index
}

/** Scrolls a column's list just enough to show a slot, at once (the drag reads rects next). */
export function revealSlot(scroller: HTMLElement, slot: number): void {
  const top = slotTop(slot) - ROW / 2
  const bottom = slotTop(slot) + ROW / 2
  if (top < scroller.scrollTop) scroller.scrollTop = Math.max(0, top)
  else if (bottom > scroller.scrollTop + scroller.clientHeight) {
    scroller.scrollTop = bottom - scroller.clientHeight
  }
}

/**
 * One keyboard step: up / down between slots of a column, left / right to the same place in
 * the neighbouring column. Updates the drop target and answers where to draw the card.
 */
export function keyboardStep(g: DragGeometry, arrow: Arrow): { x: number; y: number } | undefined {
  const drop = dropTarget(g)
  const state = g.drag.current
  if (!drop || !state.activeId) return undefined
  let { stageId, index } = drop
  if (arrow === 'ArrowUp') index = Math.max(0, index - 1)
  else if (arrow === 'ArrowDown') index = Math.min(drop.size, index + 1)
  else {
    const next = g.order[g.order.indexOf(stageId) + (arrow === 'ArrowRight' ? 1 : -1)]
    if (!next) return undefined
    stageId = next
    index = Math.min(index, sizeWithout(g, stageId))
  }
  const slot = slotFor(g, stageId, index)
  g.drag.set({ ...state, target: { stageId, slot } })

  const handle = g.columns.get(stageId)
  if (!handle) return undefined
  handle.section.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  revealSlot(handle.scroller, slot)
  const rect = handle.scroller.getBoundingClientRect()
  // Drawn straddling the drop line, nudged right so the line stays visible.
  return {
    x: rect.left + 14,
    y: rect.top - handle.scroller.scrollTop + slotTop(slot) - CARD_HEIGHT / 2,
  }
}
