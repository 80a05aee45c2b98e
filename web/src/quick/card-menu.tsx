import { createPortal } from 'preact/compat'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { CardIntent } from '../board/board-context'
import { useI18n, type MessageKey } from '../i18n'
import { DotsIcon } from './quick-icons'
import type { QuickActions } from './quick-context'
import { useSelection } from './selection-store'

interface Props {
  client: Client
  quick: QuickActions
  /** Offset of the card in its column list (the button sits on the card's top-right corner). */
  top: number
  onOpen: () => void
  /** Opens the drawer at logging a call or time (the drawer's header has the same buttons). */
  onRecord: (intent: CardIntent) => void
}

/**
 * The "…" button on a card and its menu: open, move to a stage, log a call or time, rename,
 * pick for a bulk action, archive. A sibling of the card, not inside it, since a button inside a button is unreachable
 * for assistive technology. The menu is drawn over the page, so a column's edge never clips it.
 */
export function CardMenu({ client, quick, top, onOpen, onRecord }: Props) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [at, setAt] = useState({ top: 0, left: 0 })
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const selected = useSelection(quick.selection, (s) => s.selected.has(client.id))

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  useLayoutEffect(() => {
    if (!open) return
    const rect = button.current?.getBoundingClientRect()
    const el = menu.current
    if (!rect || !el) return
    const width = el.offsetWidth
    const height = el.offsetHeight
    const below = rect.bottom + 4 + height <= innerHeight
    setAt({
      top: below ? rect.bottom + 4 : Math.max(8, rect.top - 4 - height),
      left: Math.max(8, Math.min(rect.right - width, innerWidth - width - 8)),
    })
    el.querySelector<HTMLElement>('[role=menuitem]')?.focus()
  }, [open])

  useEffect(() => {
    if (!open) return
    const outside = (event: PointerEvent) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false)
    }
    addEventListener('pointerdown', outside, true)
    return () => removeEventListener('pointerdown', outside, true)
  }, [open])

  const run = (action: () => void) => () => {
    close(true)
    action()
  }
  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => items[(i + items.length) % items.length]?.focus()
    if (event.key === 'ArrowDown') go(index + 1)
    else if (event.key === 'ArrowUp') go(index - 1)
    else if (event.key === 'Home') go(0)
    else if (event.key === 'End') go(items.length - 1)
    else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') close(false)
    else return
    if (event.key !== 'Tab') event.preventDefault()
    event.stopPropagation()
  }

  const label = t('quick.menu', { name: client.name })
  const items: { label: MessageKey; act: () => void; danger?: boolean }[] = [
    { label: 'quick.menu.open', act: onOpen },
    { label: 'quick.menu.move', act: () => quick.pickStage([client.id]) },
    { label: 'record.logCall', act: () => onRecord('call') },
    { label: 'record.logTime', act: () => onRecord('time') },
    { label: 'quick.menu.rename', act: () => quick.selection.rename(client.id) },
    {
      label: selected ? 'quick.menu.unselect' : 'quick.menu.select',
      act: () => quick.selection.toggle(client.id),
    },
    { label: 'quick.menu.archive', act: () => quick.archive(client.id), danger: true },
  ]
  return (
    <>
      <button
        ref={button}
        type="button"
        class={`card-menu${open ? ' card-menu--open' : ''}`}
        style={{ top: `${top + 6}px` }}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <DotsIcon />
      </button>
      {open &&
        createPortal(
          <div
            ref={menu}
            class="card-menu__list"
            role="menu"
            aria-label={label}
            style={{ top: `${at.top}px`, left: `${at.left}px` }}
            onKeyDown={onMenuKey}
          >
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                class={item.danger ? 'card-menu__danger' : undefined}
                onClick={run(item.act)}
              >
                {t(item.label)}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  )
}
