import { lazy, Suspense } from 'preact/compat'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'

import { canManageTracks, TRACKS_PATH } from './paths'

export { isOnboardingPath, ONBOARDING_PATH } from './paths'

// Loaded when first opened: newcomers need it for a few weeks, everyone else rarely.
const OnboardingPage = lazy(() => import('./onboarding-page'))
const ManagePage = lazy(() => import('./manage-page'))

/** /onboarding: my tracks with progress, and (leads, admins) the team's progress; /manage: the editors. */
export function OnboardingRoute({ user, path }: { user: User; path: string }) {
  const manage = path === TRACKS_PATH && canManageTracks(user)
  return (
    <Suspense fallback={<LoadingState />}>
      {manage ? <ManagePage user={user} /> : <OnboardingPage user={user} />}
    </Suspense>
  )
}
