import { useEffect, useState } from 'preact/hooks'
import { initials } from '../board/board-model'
import type { LiveBoard, LiveStatus } from '../board/live-board'
import { usePresence, type PresenceStore } from '../board/presence-store'
import { useI18n } from '../i18n'
import { hue } from './assignee-avatars'
import './live-status.css'

const SHOWN = 5

/** The live board in the board's header: who else is here, and a banner while reconnecting. */
export function LiveStatusBar({ live, presence }: { live: LiveBoard; presence: PresenceStore }) {
  const { t, number } = useI18n()
  const status = useLiveStatus(live)
  const others = usePresence(presence, (p) => p.others)
  const more = others.length - SHOWN
  return (
    <>
      {others.length > 0 && (
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
      )}
      {status === 'paused' && (
        <p class="live-banner" role="status">
          <span class="live-banner__dot" aria-hidden="true" />
          {t('live.paused')}
        </p>
      )}
    </>
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
