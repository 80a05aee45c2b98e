import { useEffect, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { getArticle, type Article } from '../api/articles'
import { ApiError } from '../api/client'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import type { Place } from '../routing/nav'
import { BackLink, Missing } from './article-view'
import { EditorLinks } from './editor-links'
import { EditorMeta } from './editor-meta'
import { EditorNotices } from './editor-notices'
import { EditorPanes } from './editor-panes'
import { useArticleEditor } from './editor-state'
import type { JourneyIndex } from './journey-index'
import { canWriteKind } from './permissions'

interface Props {
  /** The article to edit; null writes a new one (the URL may make it a translation). */
  id: string | null
  place: Place
  user: User
  journey: JourneyIndex
}

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'missing' }
  | { status: 'ready'; base: Article | null; original: Article | null }

/** /kb/new and /kb/:id/edit — the form with a live preview rendered as the server will. */
export default function ArticleEditor({ id, place, user, journey }: Props) {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const translationOf = id ? null : place.search.get('translationOf')

  useEffect(() => {
    const abort = new AbortController()
    const wanted = id ?? translationOf
    if (!wanted) {
      setLoad({ status: 'ready', base: null, original: null })
      return
    }
    getArticle(wanted, abort.signal)
      .then((article) =>
        setLoad({ status: 'ready', base: id ? article : null, original: id ? null : article }),
      )
      .catch((error: unknown) => {
        if (abort.signal.aborted) return
        const missing = error instanceof ApiError && error.status === 404
        setLoad(missing ? { status: 'missing' } : { status: 'error', error })
      })
    return () => abort.abort()
  }, [id, translationOf, attempt])

  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'missing') return <Missing message={t('kb.missing')} />
  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  const kind = load.base?.kind ?? load.original?.kind ?? 'article'
  if (!canWriteKind(user, kind) && (load.base || load.original)) {
    return (
      <Missing message={t(kind === 'instruction' ? 'kb.forbidden.instruction' : 'kb.forbidden')} />
    )
  }
  if (!canWriteKind(user, 'article')) return <Missing message={t('kb.forbidden')} />
  return (
    <EditorForm
      base={load.base}
      original={load.original}
      place={place}
      user={user}
      journey={journey}
    />
  )
}

/** /kb/new and /kb/:id/edit — the form with a live preview rendered as the server will. */
function EditorForm(props: {
  base: Article | null
  original: Article | null
  place: Place
  user: User
  journey: JourneyIndex
}) {
  const { t } = useI18n()
  const editor = useArticleEditor(props)
  const { base, version, title, dirty, saving, save, cancel } = editor
  return (
    <form
      class="kb__inner kb__inner--wide kb-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault()
          void save()
        }
      }}
    >
      <BackLink />
      <header class="kb-editor__header">
        <div>
          <h1 class="kb__title">{title}</h1>
          {base && (
            <p class="kb__lead">{t('kb.editor.version', { title: base.title, n: version })}</p>
          )}
        </div>
        <div class="kb-editor__actions">
          {dirty && <span class="kb-editor__dirty">{t('kb.unsaved')}</span>}
          <button type="button" class="button" onClick={() => void cancel()}>
            {t('kb.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={saving}>
            {saving ? t('kb.saving') : t('kb.save')}
          </button>
        </div>
      </header>

      <EditorNotices editor={editor} />
      <EditorMeta editor={editor} original={props.original} user={props.user} />
      <EditorPanes editor={editor} />
      <EditorLinks editor={editor} journey={props.journey} />
    </form>
  )
}
