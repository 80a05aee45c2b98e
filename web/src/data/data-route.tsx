import { lazy, Suspense } from 'preact/compat'
import { useEffect } from 'preact/hooks'
import { can, type User } from '../api/auth'
import { LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { navigate } from '../nav'

export const DATA_PATH = '/data'

// Used now and then by leads and admins: not part of what loads the board.
const DataPage = lazy(() => import('./data-page'))

/** /data: imports for leads and admins (the server agrees); anyone else goes to the board. */
export function DataRoute({ user }: { user: User }) {
  const { t } = useI18n()
  const allowed = can.assign(user)
  useEffect(() => {
    if (allowed) return
    toast(t('data.leadsOnly'), 'info')
    navigate('/', true)
  }, [allowed])
  if (!allowed) return null
  return (
    <Suspense fallback={<LoadingState />}>
      <DataPage user={user} />
    </Suspense>
  )
}
