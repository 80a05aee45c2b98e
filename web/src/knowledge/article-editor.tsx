import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { renderMarkdown } from '../../../shared/markdown'
import type { User } from '../api/auth'
import {
  createArticle,
  currentArticleOf,
  getArticle,
  patchArticle,
  type Article,
  type ArticleKind,
  type Lang,
} from '../api/articles'
import { ApiError } from '../api/client'
import { ask } from '../components/confirm-dialog'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { LOCALES, useI18n, type I18n } from '../i18n'
import { navigate, type Place } from '../routing/nav'
import { failureText } from './article-actions'
import {
  checkDraft,
  draftCreate,
  draftOf,
  draftPatch,
  emptyDraft,
  isDirty,
  LIMITS,
  serverFieldErrors,
  type ArticleDraft,
  type DraftProblem,
  type FieldErrors,
} from './article-draft'
import { BackLink, Missing } from './article-view'
import type { JourneyIndex } from './journey-index'
import { KB_PATH, kbUrl } from '../routing/kb-paths'
import { RolePicker, StagePicker } from './link-pickers'
import { canWriteKind } from './permissions'
import { ServerHtml } from './server-html'

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

/** Fields whose errors show under their control; any other error shows above the form. */
const SHOWN: readonly string[] = ['title', 'body', 'tags', 'stageIds', 'roleIds']

function problemText(problem: DraftProblem, field: keyof ArticleDraft, t: I18n['t']): string {
  switch (problem) {
    case 'required':
      return t('kb.error.required')
    case 'tooLong':
      return t('kb.error.tooLong', { n: field === 'title' ? LIMITS.title : LIMITS.body })
    case 'tooManyTags':
      return t('kb.error.tags', { n: LIMITS.tags })
    case 'tagTooLong':
      return t('kb.error.tag', { n: LIMITS.tag })
  }
}

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

function startDraft(
  base: Article | null,
  original: Article | null,
  place: Place,
  user: User,
  locale: Lang,
) {
  if (base) return draftOf(base)
  const asked = place.search.get('kind')
  const kind: ArticleKind =
    asked === 'instruction' && canWriteKind(user, 'instruction') ? 'instruction' : 'article'
  const lang = LOCALES.find((l) => l === place.search.get('lang')) ?? locale
  if (original) {
    // A translation starts from the original: same links, its text to translate in place.
    return { ...draftOf(original), lang }
  }
  const draft = emptyDraft(lang, kind)
  const stage = place.search.get('stage')
  return stage ? { ...draft, stageIds: [stage] } : draft
}

function EditorForm(props: {
  base: Article | null
  original: Article | null
  place: Place
  user: User
  journey: JourneyIndex
}) {
  const { place, user, journey, original } = props
  const { t, locale } = useI18n()
  // `base` is the text the edit started from (what "my changes" are measured against);
  // `version` is the one the next save claims to replace — after a conflict, theirs.
  const [base, setBase] = useState(props.base)
  const [version, setVersion] = useState(props.base?.version ?? 0)
  const [baseDraft, setBaseDraft] = useState(() =>
    startDraft(props.base, original, place, user, locale),
  )
  const [draft, setDraft] = useState(baseDraft)
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [conflict, setConflict] = useState<Article | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const preview = useMemo(() => renderMarkdown(draft.body), [draft.body])
  const paper = useRef<HTMLDivElement>(null)
  /**
   * The preview follows the source: while typing, to where the caret is (as a share of the
   * text); on scrolling, to the same share of its height. Measured after the preview renders.
   */
  const follow = (source: HTMLTextAreaElement, by: 'caret' | 'scroll') => {
    const share =
      by === 'caret'
        ? source.selectionStart / Math.max(1, source.value.length)
        : source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight)
    requestAnimationFrame(() => {
      const target = paper.current
      if (target) target.scrollTop = share * (target.scrollHeight - target.clientHeight)
    })
  }

  const problems = checkDraft(draft)
  const errorsOf = (field: keyof ArticleDraft): string[] => {
    const local = submitted ? problems[field] : undefined
    return [...(local ? [problemText(local, field, t)] : []), ...(serverErrors[field] ?? [])]
  }
  const others = Object.entries(serverErrors)
    .filter(([name]) => !SHOWN.includes(name))
    .flatMap(([, messages]) => messages)
  const set = (patch: Partial<ArticleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    const touched = Object.keys(patch)
    if (touched.some((k) => serverErrors[k])) {
      setServerErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))),
      )
    }
  }
  const dirty = isDirty(draft, baseDraft)
  const backUrl = base ? kbUrl.article(base.id) : original ? kbUrl.article(original.id) : KB_PATH

  /** Sends my changes (only the fields I touched) as a replacement of `over`. */
  const save = async (over = version) => {
    setSubmitted(true)
    setFormError(null)
    if (Object.keys(checkDraft(draft)).length > 0) return
    const changes = base ? draftPatch(base, draft) : null
    if (base && changes && Object.keys(changes).length === 0) {
      navigate(kbUrl.article(base.id))
      return
    }
    setSaving(true)
    try {
      const saved =
        base && changes
          ? await patchArticle(base.id, { ...changes, version: over })
          : await createArticle(
              draftCreate(draft, original ? (original.translationOf ?? original.id) : null),
            )
      toast(t(base ? 'kb.saved' : 'kb.created'), 'success')
      navigate(kbUrl.article(saved.id), !base)
    } catch (error) {
      const current = currentArticleOf(error)
      if (current) {
        setConflict(current)
      } else if (error instanceof ApiError && error.status === 422) {
        setServerErrors(serverFieldErrors(error))
      } else if (!(error instanceof ApiError && error.status === 401)) {
        setFormError(failureText(error, t))
      }
    } finally {
      setSaving(false)
    }
  }

  // Mine over theirs: the fields I changed win, the rest of their edit stays.
  const keepMine = (current: Article) => {
    setConflict(null)
    setVersion(current.version)
    void save(current.version)
  }
  const takeTheirs = (current: Article) => {
    const theirs = draftOf(current)
    setConflict(null)
    setBase(current)
    setVersion(current.version)
    setBaseDraft(theirs)
    setDraft(theirs)
    setServerErrors({})
  }
  const cancel = async () => {
    const leave =
      !dirty ||
      (await ask({
        title: t('kb.discard.title'),
        message: t('kb.discard.message'),
        confirm: t('kb.discard'),
        cancel: t('kb.discard.keep'),
      }))
    if (leave) navigate(backUrl)
  }

  const mayInstruct = canWriteKind(user, 'instruction')
  const title = base
    ? t('kb.editor.edit')
    : original
      ? t('kb.editor.translate', { lang: t(`lang.${draft.lang}.title`) })
      : t('kb.editor.new')
  const field = (name: keyof ArticleDraft) => {
    const messages = errorsOf(name)
    const errorId = `kb-error-${name}`
    return {
      messages,
      errorId,
      props: messages.length > 0 ? { 'aria-invalid': true, 'aria-describedby': errorId } : {},
    }
  }
  const titleField = field('title')
  const bodyField = field('body')
  const tagsField = field('tags')
  const stagesField = field('stageIds')
  const rolesField = field('roleIds')

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

      {conflict && (
        <div class="kb-notice kb-notice--error" role="alert">
          <p>{t('kb.conflict', { n: conflict.version })}</p>
          <div class="kb-notice__actions">
            <button type="button" class="button" onClick={() => keepMine(conflict)}>
              {t('kb.conflict.keep')}
            </button>
            <button type="button" class="button" onClick={() => takeTheirs(conflict)}>
              {t('kb.conflict.take')}
            </button>
          </div>
        </div>
      )}
      {(formError || others.length > 0) && (
        <div class="kb-notice kb-notice--error" role="alert">
          {formError && <p>{formError}</p>}
          {others.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}

      <div class="kb-editor__meta">
        <label class="kb-field kb-field--title">
          <span class="kb-field__label">{t('kb.field.title')}</span>
          <input
            class="input"
            name="title"
            value={draft.title}
            maxLength={LIMITS.title + 20}
            onInput={(event) => set({ title: event.currentTarget.value })}
            {...titleField.props}
          />
          <FieldMessages id={titleField.errorId} messages={titleField.messages} />
        </label>
        <div class="kb-field">
          <span class="kb-field__label" id="kb-kind-label">
            {t('kb.field.kind')}
          </span>
          <div class="segmented" role="group" aria-labelledby="kb-kind-label">
            {(['article', 'instruction'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                class="segmented__option kb-editor__kind"
                aria-pressed={draft.kind === kind}
                disabled={kind === 'instruction' && !mayInstruct}
                title={
                  kind === 'instruction' && !mayInstruct ? t('kb.forbidden.instruction') : undefined
                }
                onClick={() => set({ kind })}
              >
                {t(`kb.kind.${kind}`)}
              </button>
            ))}
          </div>
        </div>
        <label class="kb-field">
          <span class="kb-field__label">{t('kb.field.lang')}</span>
          <select
            class="select"
            name="lang"
            value={draft.lang}
            disabled={!!base || !!original}
            title={base ? t('kb.lang.fixed') : undefined}
            onChange={(event) => {
              const lang = LOCALES.find((l) => l === event.currentTarget.value)
              if (lang) set({ lang })
            }}
          >
            {LOCALES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`lang.${lang}.title`)}
              </option>
            ))}
          </select>
        </label>
        <label class="kb-field kb-field--tags">
          <span class="kb-field__label">{t('kb.field.tags')}</span>
          <input
            class="input"
            name="tags"
            value={draft.tags}
            placeholder={t('kb.tags.placeholder')}
            onInput={(event) => set({ tags: event.currentTarget.value })}
            {...tagsField.props}
          />
          <FieldMessages id={tagsField.errorId} messages={tagsField.messages} />
        </label>
      </div>

      <div class="kb-editor__panes">
        <label class="kb-field kb-editor__source">
          <span class="kb-field__label">{t('kb.field.body')}</span>
          <textarea
            class="input kb-editor__textarea"
            name="body"
            value={draft.body}
            spellcheck
            onInput={(event) => {
              set({ body: event.currentTarget.value })
              follow(event.currentTarget, 'caret')
            }}
            onScroll={(event) => follow(event.currentTarget, 'scroll')}
            {...bodyField.props}
          />
          <span class="kb-field__hint">{t('kb.markdown.hint')}</span>
          <FieldMessages id={bodyField.errorId} messages={bodyField.messages} />
        </label>
        <section class="kb-editor__preview" aria-labelledby="kb-preview-title">
          <h2 id="kb-preview-title" class="kb-field__label">
            {t('kb.preview')}
          </h2>
          {/* It scrolls on its own: focusable, so the keyboard can scroll it too. */}
          <div
            class="kb-editor__paper"
            ref={paper}
            tabIndex={0}
            role="region"
            aria-labelledby="kb-preview-title"
          >
            <p class="kb-editor__preview-title">{draft.title.trim() || t('kb.preview.untitled')}</p>
            {preview ? (
              <ServerHtml class="kb-prose" html={preview} />
            ) : (
              <p class="kb__note">{t('kb.preview.empty')}</p>
            )}
          </div>
        </section>
      </div>

      <div class="kb-editor__links">
        <div>
          <StagePicker
            journey={journey}
            value={draft.stageIds}
            onChange={(stageIds) => set({ stageIds })}
            describedBy={stagesField.messages.length ? stagesField.errorId : undefined}
          />
          <FieldMessages id={stagesField.errorId} messages={stagesField.messages} />
        </div>
        <div>
          <RolePicker
            journey={journey}
            value={draft.roleIds}
            onChange={(roleIds) => set({ roleIds })}
            describedBy={rolesField.messages.length ? rolesField.errorId : undefined}
          />
          <FieldMessages id={rolesField.errorId} messages={rolesField.messages} />
        </div>
      </div>
    </form>
  )
}

function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <span id={id} class="kb-field__error">
      {messages.join(' ')}
    </span>
  )
}
