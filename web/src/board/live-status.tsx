import { useEffect, useState } from 'preact/hooks'
import { initials } from './board-model'
import type { LiveBoard, LiveStatus } from './live-board'
import { usePresence, type PresenceStore } from './presence-store'
import { useI18n } from '../i18n'
import { hue } from './assignee-avatars'
import './live-status.css'

const SHOWN = 5

/** Who else is on the board, in the board's header (the filter bar). */
export function LivePresence({ presence }: { presence: PresenceStore }) {
  const { t, number } = useI18n()
  const others = usePresence(presence, (p) => p.others)
  const more = others.length - SHOWN
  if (others.length === 0) return null
  return (
    <ul
      class="live-presence"
      aria-label={t('live.presence', { names: others.map((u) => u.name).join(', ') })}
    >
      {others.slice(0, SHOWN).map((user) => (
        <li
          key={user.id}
          class="avatar live-presence__avatar"
          style={{ '--avatar-hue': String(hue(user.id)) }}
          title={user.name}
        >
          {initials(user.name)}
        </li>
      ))}
      {more > 0 && <li class="avatar live-presence__more">+{number(more)}</li>}
    </ul>
  )
}

/** A strip under the board's header while the socket is lost (the board still works). */
export function LiveBanner({ live }: { live: LiveBoard }) {
  const { t } = useI18n()
  if (useLiveStatus(live) !== 'paused') return null
  return (
    <p class="live-banner" role="status">
      <span class="live-banner__dot" aria-hidden="true" />
      {t('live.paused')}
    </p>
  )
}

function useLiveStatus(live: LiveBoard): LiveStatus {
  const [status, setStatus] = useState(live.status)
  useEffect(() => {
    setStatus(live.status)
    return live.watchStatus(setStatus)
  }, [live])
  return status
}
