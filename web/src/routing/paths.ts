/** Every in-app path in one place; the route table (../routes.tsx) maps them to pages. */
export { isKbPath, KB_PATH } from './kb-paths'

export const BOARD_PATH = '/'
export const SIGN_IN_PATH = '/login'
export const SETTINGS_PATH = '/settings'
export const REPORTS_PATH = '/reports'
export const TEAM_PATH = '/team'
export const MY_TASKS_PATH = '/tasks'
export const DATA_PATH = '/data'
export const ONBOARDING_PATH = '/onboarding'
export const TRACKS_PATH = '/onboarding/manage'

/** Whether a path is one of the onboarding pages. */
export const isOnboardingPath = (path: string) => path === ONBOARDING_PATH || path === TRACKS_PATH
