import { useEffect, useRef, useState } from 'preact/hooks'
import { useI18n } from '../i18n'
import { BellIcon } from './inbox-icons'
import { InboxPanel } from './inbox-panel'
import { unreadBadge } from './notification-view'
import { useInbox } from './use-inbox'
import './inbox.css'

/** The bell in the header: the unread count, and the inbox under it. */
export function InboxBell() {
  const { t, number } = useI18n()
  const [open, setOpen] = useState(false)
  const inbox = useInbox(open)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return
        setOpen(false)
        button.current?.focus()
      } else if (!root.current?.contains(event.target as Node)) {
        setOpen(false)
      }
    }
    addEventListener('pointerdown', close)
    addEventListener('keydown', close)
    return () => {
      removeEventListener('pointerdown', close)
      removeEventListener('keydown', close)
    }
  }, [open])

  const badge = unreadBadge(inbox.unread)
  const label =
    inbox.unread > 0 ? t('inbox.bell.unread', { n: number(inbox.unread) }) : t('inbox.bell')

  return (
    <div class="inbox" ref={root}>
      <button
        ref={button}
        type="button"
        class="inbox__bell"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => setOpen((v) => !v)}
      >
        <BellIcon />
        {badge && (
          <span class="inbox__badge" aria-hidden="true">
            {badge}
          </span>
        )}
      </button>
      {open && <InboxPanel inbox={inbox} onClose={() => setOpen(false)} />}
    </div>
  )
}
