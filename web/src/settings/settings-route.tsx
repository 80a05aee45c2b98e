import { useEffect } from 'preact/hooks'
import { can } from '../../../schema/access'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { navigate, type RouteProps } from '../routing/nav'
import SettingsPage from './settings-page'

/** /settings: the page for admins; anyone else is sent to the board, told why. */
export default function SettingsRoute({ user, place }: RouteProps) {
  const { t } = useI18n()
  const allowed = can(user.role, 'journey.edit')
  useEffect(() => {
    if (allowed) return
    toast(t('settings.adminsOnly', { role: t(`access.${user.role}`) }), 'info')
    navigate('/', true)
  }, [allowed])
  return allowed ? <SettingsPage place={place} /> : null
}
