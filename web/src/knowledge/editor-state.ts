import { useMemo, useState } from 'preact/hooks'
import { renderMarkdown } from '../../../shared/markdown'
import type { User } from '../api/auth'
import {
  createArticle,
  currentArticleOf,
  patchArticle,
  type Article,
  type ArticleKind,
  type Lang,
} from '../api/articles'
import { ApiError } from '../api/client'
import { ask } from '../components/confirm-dialog'
import { toast } from '../components/toasts'
import { LOCALES, useI18n, type I18n } from '../i18n'
import { KB_PATH, kbUrl } from '../routing/kb-paths'
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
import { canWriteKind } from './permissions'

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

/** A form field's messages, the id they show under and the attributes its control takes. */
export interface EditorField {
  messages: string[]
  errorId: string
  props: { 'aria-invalid'?: true; 'aria-describedby'?: string }
}

/**
 * The editor's state and actions: the draft against the text it started from, local and server
 * errors, saving with the version guard, and both ways out of a conflict.
 */
export function useArticleEditor(props: {
  base: Article | null
  original: Article | null
  place: Place
  user: User
}) {
  const { place, user, original } = props
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

  const title = base
    ? t('kb.editor.edit')
    : original
      ? t('kb.editor.translate', { lang: t(`lang.${draft.lang}.title`) })
      : t('kb.editor.new')
  const field = (name: keyof ArticleDraft): EditorField => {
    const messages = errorsOf(name)
    const errorId = `kb-error-${name}`
    return {
      messages,
      errorId,
      props: messages.length > 0 ? { 'aria-invalid': true, 'aria-describedby': errorId } : {},
    }
  }
  return {
    base,
    version,
    draft,
    set,
    preview,
    title,
    dirty,
    saving,
    conflict,
    formError,
    others,
    field,
    save,
    keepMine,
    takeTheirs,
    cancel,
  }
}

/** What the editor's parts share. */
export type ArticleEditorState = ReturnType<typeof useArticleEditor>
