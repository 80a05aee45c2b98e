import type { DragGeometry } from './drag-geometry'
import { slotAt } from './layout'

/** Within this many px of a column's top or bottom edge, the column scrolls. */
const EDGE = 56
const MAX_SPEED = 18

/**
 * Follows the pointer during a mouse or touch drag and keeps the drop target under it. The
 * column is found by hit-testing (`elementFromPoint`), not by measured droppable rects: the
 * columns scroll and virtualise while dragging, and one hit test per frame measures nothing.
 * Also scrolls the column under the pointer near its edges (dnd-kit only auto-scrolls the
 * ancestors of the dragged card: the board sideways).
 */
export class PointerTracker {
  private x = 0
  private y = 0
  /** Pointer y minus the dragged card's top: where on the card it was grabbed. */
  private grab = 0
  private frame = 0
  private active = false

  constructor(private readonly geometry: () => DragGeometry) {}

  start(event: Event | null, cardTop: number): void {
    const point = coordinates(event)
    if (!point) return
    this.x = point.x
    this.y = point.y
    this.grab = point.y - cardTop
    this.active = true
    addEventListener('pointermove', this.move, { passive: true })
    addEventListener('touchmove', this.move, { passive: true })
  }

  /** Brings the target up to the last pointer position at once (a drop between frames). */
  flush(): void {
    if (!this.active || !this.frame) return
    cancelAnimationFrame(this.frame)
    this.frame = 0
    this.tick()
    cancelAnimationFrame(this.frame)
    this.frame = 0
  }

  stop(): void {
    this.active = false
    cancelAnimationFrame(this.frame)
    this.frame = 0
    removeEventListener('pointermove', this.move)
    removeEventListener('touchmove', this.move)
  }

  private readonly move = (event: Event) => {
    const point = coordinates(event)
    if (!point) return
    this.x = point.x
    this.y = point.y
    if (!this.frame) this.frame = requestAnimationFrame(this.tick)
  }

  private readonly tick = () => {
    this.frame = 0
    if (!this.active) return
    const g = this.geometry()
    const state = g.drag.current
    const hit = document.elementFromPoint(this.x, this.y)?.closest<HTMLElement>('[data-stage-id]')
    const stageId = hit?.dataset.stageId
    const handle = stageId ? g.columns.get(stageId) : undefined
    if (!stageId || !handle) {
      if (state.target) g.drag.set({ ...state, target: null })
      return
    }
    const rect = handle.scroller.getBoundingClientRect()
    const top = this.y - this.grab - rect.top + handle.scroller.scrollTop
    const slot = slotAt(top, handle.shown().length)
    if (state.target?.stageId !== stageId || state.target.slot !== slot) {
      g.drag.set({ ...state, target: { stageId, slot } })
    }
    const speed =
      this.y < rect.top + EDGE
        ? -Math.ceil(((rect.top + EDGE - this.y) / EDGE) * MAX_SPEED)
        : this.y > rect.bottom - EDGE
          ? Math.ceil(((this.y - (rect.bottom - EDGE)) / EDGE) * MAX_SPEED)
          : 0
    if (speed !== 0 && this.y > rect.top - EDGE && this.y < rect.bottom + EDGE) {
      const before = handle.scroller.scrollTop
      handle.scroller.scrollTop = before + speed
      if (handle.scroller.scrollTop !== before) this.frame = requestAnimationFrame(this.tick)
    }
  }
}

function coordinates(event: Event | null): { x: number; y: number } | undefined {
  if (!event) return undefined
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const touch = event.touches[0] ?? event.changedTouches[0]
    return touch && { x: touch.clientX, y: touch.clientY }
  }
  if (event instanceof MouseEvent) return { x: event.clientX, y: event.clientY }
  return undefined
}
