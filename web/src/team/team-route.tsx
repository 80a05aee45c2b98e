import { lazy, Suspense } from 'preact/compat'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'

export const TEAM_PATH = '/team'

// Not needed to draw the board: the team view loads when someone opens it.
const TeamPage = lazy(() => import('./team-page'))

/** /team: everyone's load for everyone; leads also manage absences and rebalance proposals. */
export function TeamRoute({ user }: { user: User }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <TeamPage user={user} />
    </Suspense>
  )
}
