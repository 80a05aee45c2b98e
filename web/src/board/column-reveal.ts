import type { RefObject } from 'preact'
import { useEffect, useLayoutEffect, useState } from 'preact/hooks'
import { whenIdle } from './idle-queue'
import { overlapsView } from './layout'

/** How far beyond the board's edges a column counts as near and draws its cards. */
const NEAR_PX = 400

/**
 * When a column draws its cards (`near` and `drawn`) and its header's details (`drawn`). On
 * screen as the board first paints: at once — measured before that paint, as an
 * IntersectionObserver reports only after it. Off screen: in idle time, a couple of columns at a
 * time, so the first frame carries only what can be seen. Scrolled near later on: at once.
 */
export function useColumnReveal(section: RefObject<HTMLElement | null>): {
  near: boolean
  drawn: boolean
} {
  const [near, setNear] = useState(false)
  const [drawn, setDrawn] = useState(false)

  useLayoutEffect(() => {
    const el = section.current
    const board = el?.closest('.board')
    if (!el || !board) return
    if (overlapsView(el.getBoundingClientRect(), board.getBoundingClientRect())) {
      setNear(true)
      setDrawn(true)
      return
    }
    return whenIdle(() => setDrawn(true))
  }, [section])

  useEffect(() => {
    const el = section.current
    if (!el) return
    let first = true
    const io = new IntersectionObserver(
      (entries) => {
        const isNear = entries.some((e) => e.isIntersecting)
        setNear(isNear)
        // The first report describes the board as it opened (idle time draws it); later ones
        // mean the board scrolled.
        if (isNear && !first) setDrawn(true)
        first = false
      },
      { root: el.closest('.board'), rootMargin: `0px ${NEAR_PX}px` },
    )
    io.observe(el)
    return () => io.disconnect()
  }, [section])

  return { near, drawn }
}
