import { listSessions, listUsers, revokeSession, type Session } from '../api/accounts'
import { ask } from '../components/confirm-dialog'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { reportFailure } from '../components/save-failure'
import { useLoaded } from '../components/use-loaded'
import './admin.css'

const load = async (signal: AbortSignal) => {
  const [sessions, users] = await Promise.all([listSessions(signal), listUsers(signal)])
  return { sessions, users }
}

/** Who is signed in where; revoking a session signs that browser out at once. */
export function SessionsSection() {
  const { t, dateTime } = useI18n()
  const { data, set, failed, reload } = useLoaded(load)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!data) return <LoadingState />
  const who = (s: Session) => data.users.find((u) => u.id === s.userId)

  const revoke = async (session: Session) => {
    const user = who(session)
    const ok = await ask({
      title: t('admin.sessions.revoke.title', { name: user?.name ?? session.userId }),
      message: t(session.current ? 'admin.sessions.revoke.own' : 'admin.sessions.revoke.message'),
      confirm: t('admin.sessions.revoke'),
      cancel: t('settings.cancel'),
    })
    if (!ok) return
    try {
      await revokeSession(session.id)
      set({ ...data, sessions: data.sessions.filter((s) => s.id !== session.id) })
      toast(t('admin.sessions.revoked'), 'info')
    } catch (error) {
      if (reportFailure(error, t('admin.conflict'), t)) reload()
    }
  }

  return (
    <div class="settings-card">
      <h3 class="settings-card__title">{t('admin.sessions.list')}</h3>
      {data.sessions.length === 0 ? (
        <p class="settings-empty">{t('admin.sessions.empty')}</p>
      ) : (
        <ul class="admin-rows">
          {data.sessions.map((session) => {
            const user = who(session)
            return (
              <li key={session.id} class="admin-row" data-session-id={session.id}>
                <div class="admin-row__line">
                  <div class="admin-row__main">
                    <p class="admin-row__title">
                      {user ? `${user.name} · ${user.email}` : session.userId}
                      {session.current && (
                        <span class="admin-chip">{t('admin.sessions.current')}</span>
                      )}
                    </p>
                    <p class="admin-row__meta">
                      <span>
                        {t('admin.sessions.since', { date: dateTime(session.createdAt) })}
                      </span>
                      <span>
                        {t('admin.sessions.seen', { date: dateTime(session.lastSeenAt) })}
                      </span>
                      <span class="admin-row__agent">
                        {session.userAgent ?? t('admin.sessions.noAgent')}
                      </span>
                    </p>
                  </div>
                  <button type="button" class="button" onClick={() => void revoke(session)}>
                    {t('admin.sessions.revoke')}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
