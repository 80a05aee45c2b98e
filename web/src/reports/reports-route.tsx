import { lazy, Suspense } from 'preact/compat'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'
import type { Place } from '../nav'

export const REPORTS_PATH = '/reports'

// The charts library comes with the page: nothing of it loads for the board.
const ReportsPage = lazy(() => import('./reports-page'))

/** /reports: the flow and account KPIs, for those who work the board. */
export function ReportsRoute({ user, place }: { user: User; place: Place }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <ReportsPage user={user} place={place} />
    </Suspense>
  )
}
