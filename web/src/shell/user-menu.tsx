import { useEffect, useRef, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { initials } from '../board/board-model'
import { useI18n } from '../i18n'
import { navigate } from '../routing/nav'
import { SETTINGS_PATH } from '../routing/paths'
import './user-menu.css'

/** The signed-in person: name and access role, and the way out. */
export function UserMenu({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      ) {
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

  return (
    <div class="user-menu" ref={root}>
      <button
        type="button"
        class="user-menu__button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <span class="user-menu__avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span class="user-menu__name">{user.name}</span>
        <span class="user-menu__role">{t(`access.${user.role}`)}</span>
      </button>
      {open && (
        <div class="user-menu__panel" role="menu">
          <p class="user-menu__who">
            <strong>{user.name}</strong>
            <span>{user.email}</span>
            <span>{t(`access.${user.role}.about`)}</span>
          </p>
          {can(user.role, 'journey.edit') && (
            <button
              type="button"
              role="menuitem"
              class="user-menu__item"
              onClick={() => {
                setOpen(false)
                navigate(SETTINGS_PATH)
              }}
            >
              {t('settings.title')}
            </button>
          )}
          <button type="button" role="menuitem" class="user-menu__item" onClick={onSignOut}>
            {t('user.signOut')}
          </button>
        </div>
      )}
    </div>
  )
}
