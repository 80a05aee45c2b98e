import { lazy, Suspense } from 'preact/compat'
import { useEffect } from 'preact/hooks'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { navigate, type Place } from '../nav'

export const SETTINGS_PATH = '/settings'

/** Only admins may change the calendar, automations and webhooks (the server agrees). */
export const canSeeSettings = (user: User) => user.role === 'admin'

// Admins only, and rarely: the settings are not part of what loads the board.
const SettingsPage = lazy(() => import('./settings-page'))

/** /settings: the page for admins; anyone else is sent to the board, told why. */
export function SettingsRoute({ user, place }: { user: User; place: Place }) {
  const { t } = useI18n()
  const allowed = canSeeSettings(user)
  useEffect(() => {
    if (allowed) return
    toast(t('settings.adminsOnly', { role: t(`access.${user.role}`) }), 'info')
    navigate('/', true)
  }, [allowed])
  if (!allowed) return null
  return (
    <Suspense fallback={<LoadingState />}>
      <SettingsPage place={place} />
    </Suspense>
  )
}
