import { lazy, Suspense } from 'preact/compat'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'

export const ONBOARDING_PATH = '/onboarding'

// Loaded when first opened: newcomers need it for a few weeks, everyone else rarely.
const OnboardingPage = lazy(() => import('./onboarding-page'))

/** /onboarding: my tracks with progress, and (leads, admins) the team's progress. */
export function OnboardingRoute({ user }: { user: User }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <OnboardingPage user={user} />
    </Suspense>
  )
}
