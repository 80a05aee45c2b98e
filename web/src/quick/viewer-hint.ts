import { useRef } from 'preact/hooks'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'

const DRAG_PX = 8
const QUIET_MS = 8000
let lastShown = 0

/**
 * For someone who may not move cards: a drag (or Space, the keyboard's pick-up) says why the
 * card stays put instead of doing nothing. Said once per few seconds, however often they try.
 */
export function useViewerDragHint(active: boolean) {
  const { t } = useI18n()
  const start = useRef<{ x: number; y: number } | null>(null)
  const hint = () => {
    if (Date.now() - lastShown < QUIET_MS) return
    lastShown = Date.now()
    toast(t('quick.viewerDrag'))
  }
  if (!active) return {}
  return {
    onPointerDown: (event: PointerEvent) => {
      // On touch a swipe scrolls the board: only a mouse drag is a drag attempt.
      start.current = event.pointerType === 'mouse' ? { x: event.clientX, y: event.clientY } : null
    },
    onPointerMove: (event: PointerEvent) => {
      const from = start.current
      if (!from || event.buttons === 0) return
      if (Math.hypot(event.clientX - from.x, event.clientY - from.y) < DRAG_PX) return
      start.current = null
      hint()
    },
    onPointerUp: () => {
      start.current = null
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === ' ') {
        event.preventDefault()
        hint()
      }
    },
  }
}
