import { can } from '../../../schema/access'
import type { RouteProps } from '../routing/nav'
import { TRACKS_PATH } from '../routing/paths'
import ManagePage from './manage-page'
import OnboardingPage from './onboarding-page'

/** /onboarding: my tracks with progress, and (leads, admins) the team's progress; /manage: the editors. */
export default function OnboardingRoute({ user, place }: RouteProps) {
  const manage = place.path === TRACKS_PATH && can(user.role, 'onboarding.manage')
  return manage ? <ManagePage user={user} /> : <OnboardingPage user={user} />
}
