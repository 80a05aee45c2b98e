import { lazy, Suspense } from 'preact/compat'
import type { User } from '../api/auth'
import { LoadingState } from '../components/status-panel'
import type { Place } from '../nav'

export { isKbPath, KB_PATH } from './kb-routes'

// Not part of what loads the board: the knowledge base comes when it is first opened.
const KnowledgePage = lazy(() => import('./knowledge-page'))

/** /kb and below: the knowledge base (list, article, editor, a stage's regulation). */
export function KnowledgeRoute({ user, place }: { user: User; place: Place }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <KnowledgePage user={user} place={place} />
    </Suspense>
  )
}
