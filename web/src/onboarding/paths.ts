import type { User } from '../api/auth'

export const ONBOARDING_PATH = '/onboarding'
export const TRACKS_PATH = '/onboarding/manage'

/** Whether a path is one of the onboarding pages. */
export const isOnboardingPath = (path: string) => path === ONBOARDING_PATH || path === TRACKS_PATH

/** Leads and admins shape the tracks and give newcomers mentors (the server agrees). */
export const canManageTracks = (user: User) => user.role === 'lead' || user.role === 'admin'
