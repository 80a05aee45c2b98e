import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import {
  getInbox,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
} from '../api/notifications'

/** How often the unread count is asked for while the page is visible. */
export const POLL_MS = 60_000
/** How many notifications the open panel lists. */
const LIST_LIMIT = 50

export interface InboxState {
  unread: number
  /** The list, once the panel has been opened (null before). */
  items: Notification[] | null
  failed: boolean
}

/**
 * The unread count (every minute while the page is visible, and when the window gets focus)
 * and, while the panel is open, the list. A closed panel asks for one notification only: the
 * count comes with it at the price of a single row.
 */
export function useInbox(open: boolean) {
  const [state, setState] = useState<InboxState>({ unread: 0, items: null, failed: false })
  const openRef = useRef(open)
  openRef.current = open
  // A newer request (or a local change) makes the answers of older ones stale.
  const generation = useRef(0)
  // Reads wait for the marks being sent, or they could bring back a count from before them.
  const writing = useRef<Promise<unknown>>(Promise.resolve())

  const refresh = useCallback(async () => {
    const mine = ++generation.current
    const listing = openRef.current
    try {
      await writing.current
      if (mine !== generation.current) return
      const inbox = await getInbox(listing ? LIST_LIMIT : 1)
      if (mine !== generation.current) return
      setState((prev) => ({
        unread: inbox.unread,
        items: listing ? inbox.notifications : prev.items,
        failed: false,
      }))
    } catch {
      if (mine === generation.current) setState((prev) => ({ ...prev, failed: true }))
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [open])

  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh()
    }
    const timer = setInterval(tick, POLL_MS)
    addEventListener('focus', tick)
    return () => {
      clearInterval(timer)
      removeEventListener('focus', tick)
    }
  }, [refresh])

  /** Marks one read at once on screen; the server is told, and asked again if it refuses. */
  const markRead = useCallback(
    (id: string) => {
      generation.current++
      setState((prev) => {
        const item = prev.items?.find((n) => n.id === id)
        if (!item || item.readAt) return prev
        const readAt = new Date().toISOString()
        return {
          ...prev,
          unread: Math.max(0, prev.unread - 1),
          items: prev.items?.map((n) => (n.id === id ? { ...n, readAt } : n)) ?? null,
        }
      })
      const sent = markNotificationRead(id)
      writing.current = sent.catch(() => undefined)
      sent.catch(() => void refresh())
    },
    [refresh],
  )

  const markAll = useCallback(async (): Promise<boolean> => {
    generation.current++
    const readAt = new Date().toISOString()
    setState((prev) => ({
      ...prev,
      unread: 0,
      items: prev.items?.map((n) => (n.readAt ? n : { ...n, readAt })) ?? null,
    }))
    const sent = markAllNotificationsRead()
    writing.current = sent.catch(() => undefined)
    try {
      await sent
      return true
    } catch {
      void refresh()
      return false
    }
  }, [refresh])

  return { ...state, refresh, markRead, markAll }
}
