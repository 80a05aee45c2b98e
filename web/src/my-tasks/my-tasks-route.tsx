import { lazy, Suspense } from 'preact/compat'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'

export const MY_TASKS_PATH = '/tasks'

const MyTasksPage = lazy(() => import('./my-tasks-page'))

/** /tasks: the caller's open tasks across the board. */
export function MyTasksRoute({ user }: { user: User }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <MyTasksPage user={user} />
    </Suspense>
  )
}
