import { lazy, Suspense } from 'preact/compat'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { getJourney } from '../api/journey'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import type { Place } from '../routing/nav'
import { ArticleList } from './article-list'
import { ArticleView, Missing } from './article-view'
import { indexJourney, type JourneyIndex } from './journey-index'
import { parseKbPath } from '../routing/kb-paths'
import { StageGuidePage } from './stage-guide-page'
import './knowledge.css'

// The editor brings the Markdown renderer for its preview: only writers ever load it.
const ArticleEditor = lazy(() => import('./article-editor'))

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; journey: JourneyIndex }

/** The knowledge base: the list and search, an article, the editor, a stage's regulation. */
export default function KnowledgePage({ user, place }: { user: User; place: Place }) {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const view = useMemo(() => parseKbPath(place.path), [place.path])

  useEffect(() => {
    const abort = new AbortController()
    getJourney(abort.signal)
      .then((journey) => setLoad({ status: 'ready', journey: indexJourney(journey) }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [attempt])

  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  const journey = load.journey
  return (
    <main class="kb">
      {view?.view === 'list' && <ArticleList user={user} place={place} journey={journey} />}
      {view?.view === 'article' && (
        <ArticleView key={view.id} id={view.id} user={user} journey={journey} />
      )}
      {view?.view === 'stage' && (
        <StageGuidePage
          key={view.stageId}
          stageId={view.stageId}
          roleId={place.search.get('role')}
          user={user}
          journey={journey}
        />
      )}
      {(view?.view === 'edit' || view?.view === 'new') && (
        <Suspense fallback={<LoadingState />}>
          <ArticleEditor
            key={view.view === 'edit' ? view.id : `new?${place.search.toString()}`}
            id={view.view === 'edit' ? view.id : null}
            place={place}
            user={user}
            journey={journey}
          />
        </Suspense>
      )}
      {!view && <Missing message={t('kb.notFound')} />}
    </main>
  )
}
