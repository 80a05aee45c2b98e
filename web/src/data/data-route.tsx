import { useEffect } from 'preact/hooks'
import { can } from '../../../schema/access'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { navigate, type RouteProps } from '../routing/nav'
import DataPage from './data-page'

/** /data: imports for leads and admins (the server agrees); anyone else goes to the board. */
export default function DataRoute({ user }: RouteProps) {
  const { t } = useI18n()
  const allowed = can(user.role, 'imports.run')
  useEffect(() => {
    if (allowed) return
    toast(t('data.leadsOnly'), 'info')
    navigate('/', true)
  }, [allowed])
  return allowed ? <DataPage user={user} /> : null
}
