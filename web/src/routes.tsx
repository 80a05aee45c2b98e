import type { ComponentType } from 'preact'
import { lazy } from 'preact/compat'
import { BoardPage } from './board-page/board-page'
import type { RouteProps } from './routing/nav'
import {
  DATA_PATH,
  isKbPath,
  isOnboardingPath,
  MY_TASKS_PATH,
  REPORTS_PATH,
  SETTINGS_PATH,
  TEAM_PATH,
} from './routing/paths'

interface Route {
  matches: (path: string) => boolean
  page: ComponentType<RouteProps>
}

const exactly = (path: string) => (candidate: string) => candidate === path

/**
 * The pages besides the board, in the order they are tried. Each loads when first opened: vite
 * gives every lazy page its own chunk, so none of them weighs on the board's first paint.
 */
const routes: Route[] = [
  { matches: exactly(SETTINGS_PATH), page: lazy(() => import('./settings/settings-route')) },
  { matches: exactly(REPORTS_PATH), page: lazy(() => import('./reports/reports-page')) },
  { matches: exactly(TEAM_PATH), page: lazy(() => import('./team/team-page')) },
  { matches: isKbPath, page: lazy(() => import('./knowledge/knowledge-page')) },
  { matches: exactly(MY_TASKS_PATH), page: lazy(() => import('./my-tasks/my-tasks-page')) },
  { matches: isOnboardingPath, page: lazy(() => import('./onboarding/onboarding-route')) },
  { matches: exactly(DATA_PATH), page: lazy(() => import('./data/data-route')) },
]

/** The page for a path; anything unknown shows the board. */
export const pageFor = (path: string): ComponentType<RouteProps> =>
  routes.find((route) => route.matches(path))?.page ?? BoardPage
