import type {
  Article,
  ArticleCreate,
  ArticleKind,
  ArticlePatch,
  Lang,
} from '../../../schema/articles'

/** The editor's form: everything as the inputs hold it (tags as typed). */
export interface ArticleDraft {
  title: string
  body: string
  kind: ArticleKind
  lang: Lang
  tags: string
  stageIds: string[]
  roleIds: string[]
}

/** Error messages per field ("" for the form as a whole). */
export type FieldErrors = Record<string, string[]>

/** The same limits as the API's schema, checked before a request is sent. */
export const LIMITS = { title: 200, body: 50_000, tags: 20, tag: 40 } as const

export function draftOf(article: Article): ArticleDraft {
  return {
    title: article.title,
    body: article.body,
    kind: article.kind,
    lang: article.lang,
    tags: article.tags.join(', '),
    stageIds: [...article.stageIds],
    roleIds: [...article.roleIds],
  }
}

export function emptyDraft(lang: Lang, kind: ArticleKind = 'article'): ArticleDraft {
  return { title: '', body: '', kind, lang, tags: '', stageIds: [], roleIds: [] }
}

/** "a, b,, a , c" → ['a', 'b', 'c']: trimmed, without empties or repeats, in typed order. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** Only what the draft changes against `article` (the version is added by the caller). */
export function draftPatch(article: Article, draft: ArticleDraft): Omit<ArticlePatch, 'version'> {
  const patch: Omit<ArticlePatch, 'version'> = {}
  const title = draft.title.trim()
  const tags = parseTags(draft.tags)
  if (title !== article.title) patch.title = title
  if (draft.body !== article.body) patch.body = draft.body
  if (draft.kind !== article.kind) patch.kind = draft.kind
  if (!sameList(tags, article.tags)) patch.tags = tags
  if (!sameSet(draft.stageIds, article.stageIds)) patch.stageIds = draft.stageIds
  if (!sameSet(draft.roleIds, article.roleIds)) patch.roleIds = draft.roleIds
  return patch
}

/** The body of a create request; `translationOf` makes it a translation of an original. */
export function draftCreate(draft: ArticleDraft, translationOf: string | null): ArticleCreate {
  return {
    lang: draft.lang,
    kind: draft.kind,
    title: draft.title.trim(),
    body: draft.body,
    tags: parseTags(draft.tags),
    stageIds: draft.stageIds,
    roleIds: draft.roleIds,
    translationOf,
  }
}

/** Whether the form differs from what was loaded (or, for a new article, from empty). */
export function isDirty(draft: ArticleDraft, base: ArticleDraft): boolean {
  return (
    draft.title !== base.title ||
    draft.body !== base.body ||
    draft.kind !== base.kind ||
    draft.lang !== base.lang ||
    !sameList(parseTags(draft.tags), parseTags(base.tags)) ||
    !sameSet(draft.stageIds, base.stageIds) ||
    !sameSet(draft.roleIds, base.roleIds)
  )
}

export type DraftProblem = 'required' | 'tooLong' | 'tooManyTags' | 'tagTooLong'

/** What is wrong with the draft before it is sent, per field; empty when it may be saved. */
export function checkDraft(draft: ArticleDraft): Partial<Record<keyof ArticleDraft, DraftProblem>> {
  const problems: Partial<Record<keyof ArticleDraft, DraftProblem>> = {}
  const title = draft.title.trim()
  if (!title) problems.title = 'required'
  else if (title.length > LIMITS.title) problems.title = 'tooLong'
  if (draft.body.length > LIMITS.body) problems.body = 'tooLong'
  const tags = parseTags(draft.tags)
  if (tags.length > LIMITS.tags) problems.tags = 'tooManyTags'
  else if (tags.some((t) => t.length > LIMITS.tag)) problems.tags = 'tagTooLong'
  return problems
}

/**
 * The server's 422 `fields` (an ApiError's) by form field: "tags.3" → "tags", "stageIds" stays;
 * anything that is not a 422 gives none. Read by shape, so this file stays free of the client.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (typeof error !== 'object' || error === null) return {}
  const { status, fields } = error as { status?: unknown; fields?: unknown }
  if (status !== 422 || typeof fields !== 'object' || fields === null) return {}
  const out: FieldErrors = {}
  for (const [path, messages] of Object.entries(fields as Record<string, string[]>)) {
    const name = path.split('.')[0] ?? ''
    out[name] = [...(out[name] ?? []), ...messages]
  }
  return out
}
