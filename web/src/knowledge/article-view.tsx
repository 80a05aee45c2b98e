import { useEffect, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { getArticle, type Article } from '../api/articles'
import { ApiError } from '../api/client'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { useArticleActions } from './article-actions'
import { ArticleBody } from './article-body'
import { followLink } from '../routing/follow-link'
import type { JourneyIndex } from './journey-index'
import { KB_PATH } from '../routing/kb-paths'

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'missing' }
  | { status: 'ready'; article: Article }

/** A link back to the list, and a 404 page for articles that do not exist. */
export function BackLink() {
  const { t } = useI18n()
  return (
    <a class="kb__back" href={KB_PATH} onClick={followLink(KB_PATH)}>
      {t('kb.back')}
    </a>
  )
}

export function Missing({ message }: { message: string }) {
  return (
    <div class="status">
      <h2 class="status__title">{message}</h2>
      <BackLink />
    </div>
  )
}

/** /kb/:id — one article, with its review status, links, translations and history. */
export function ArticleView({
  id,
  user,
  journey,
}: {
  id: string
  user: User
  journey: JourneyIndex
}) {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setLoad({ status: 'loading' })
    getArticle(id, abort.signal)
      .then((article) => setLoad({ status: 'ready', article }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return
        setLoad(
          error instanceof ApiError && error.status === 404
            ? { status: 'missing' }
            : { status: 'error', error },
        )
      })
    return () => abort.abort()
  }, [id, attempt])

  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  if (load.status === 'missing') return <Missing message={t('kb.missing')} />
  return (
    <div class="kb__inner">
      <BackLink />
      <LoadedArticle
        article={load.article}
        user={user}
        journey={journey}
        onChange={(article) => setLoad({ status: 'ready', article })}
      />
    </div>
  )
}

/** An article on screen with its buttons wired up. */
export function LoadedArticle(props: {
  article: Article
  user: User
  journey: JourneyIndex
  onChange: (next: Article) => void
}) {
  const actions = useArticleActions(props.article, props.onChange)
  return (
    <ArticleBody article={props.article} user={props.user} journey={props.journey} {...actions} />
  )
}
