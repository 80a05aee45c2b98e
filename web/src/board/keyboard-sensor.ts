import type { Activators, SensorInstance, SensorProps } from '@dnd-kit/core'

/** The arrow key pressed during a keyboard drag. */
export type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'

export interface BoardKeyboardOptions {
  /**
   * Moves the drop target one step and answers where the dragged card should now be drawn
   * (viewport top-left), or undefined to stay.
   */
  step: (arrow: Arrow) => { x: number; y: number } | undefined
  /** Where the dragged card is drawn now (its overlay's top-left). */
  drawnAt: () => { x: number; y: number } | undefined
}

const ARROWS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']
const isArrow = (code: string): code is Arrow => ARROWS.includes(code)

/**
 * Keyboard dragging by board logic: Space picks a card up, arrows step between slots and
 * stages, Space or Enter drops, Escape cancels. dnd-kit's own KeyboardSensor moves by pixels
 * and scrolls the source column's ancestors, which fights virtualised columns; this one asks
 * the board for the next slot and leaves scrolling to it. Enter is not a start key: it opens
 * the card.
 */
export class BoardKeyboardSensor implements SensorInstance {
  autoScrollEnabled = false
  private translate = { x: 0, y: 0 }
  private readonly doc: Document

  constructor(private readonly props: SensorProps<BoardKeyboardOptions>) {
    const target = props.event.target
    this.doc = target instanceof Node && target.ownerDocument ? target.ownerDocument : document
    props.onStart({ x: 0, y: 0 })
    addEventListener('resize', this.cancel)
    this.doc.addEventListener('visibilitychange', this.cancel)
    // At once, so no key pressed right after the pick-up is lost. The pick-up key itself is
    // still on its way up to the document and is skipped below.
    this.doc.addEventListener('keydown', this.keydown)
  }

  private readonly keydown = (event: KeyboardEvent) => {
    if (event === this.props.event || event.repeat) {
      if (event.repeat) event.preventDefault()
      return
    }
    if (event.code === 'Space' || event.code === 'Enter') {
      event.preventDefault()
      this.detach()
      this.props.onEnd()
    } else if (event.code === 'Escape') {
      event.preventDefault()
      this.cancel()
    } else if (isArrow(event.code)) {
      event.preventDefault()
      const wanted = this.props.options.step(event.code)
      const drawn = this.props.options.drawnAt()
      if (!wanted || !drawn) return
      // Correct by what is on screen, whatever scrolled in between.
      this.translate = {
        x: this.translate.x + wanted.x - drawn.x,
        y: this.translate.y + wanted.y - drawn.y,
      }
      this.props.onMove(this.translate)
    } else if (event.code === 'Tab') {
      event.preventDefault() // focus stays on the card being moved
    }
  }

  private readonly cancel = () => {
    this.detach()
    this.props.onCancel()
  }

  private detach() {
    removeEventListener('resize', this.cancel)
    this.doc.removeEventListener('visibilitychange', this.cancel)
    this.doc.removeEventListener('keydown', this.keydown)
  }

  static activators: Activators<BoardKeyboardOptions> = [
    {
      eventName: 'onKeyDown',
      handler: (event: KeyboardEvent) => {
        if (event.code !== 'Space' || event.repeat) return false
        event.preventDefault()
        return true
      },
    },
  ]
}
