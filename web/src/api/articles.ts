import type {
  Article,
  ArticleCreate,
  ArticlePatch,
  ArticleSummary,
  Lang,
  StageGuide,
} from '../../../schema/articles'
import { ApiError, answer, api, isRecord } from './client'
import type { paths } from './openapi'

export type { ArticleKind, ArticleRevision } from '../../../schema/articles'
export type { Article, ArticleSummary, Lang, StageGuide }

type ListQuery = NonNullable<paths['/api/articles']['get']['parameters']['query']>

/** The list filters the API understands; `q` turns the list into a ranked search. */
export type ArticleQuery = {
  [K in Exclude<keyof ListQuery, 'archived'>]?: ListQuery[K] | null
} & { archived?: boolean }

const byId = (id: string) => ({ params: { path: { id } } })

/** The knowledge base, or a search of it (ranked, each hit with a highlighted `snippet`). */
export async function listArticles(
  filters: ArticleQuery,
  signal?: AbortSignal,
): Promise<ArticleSummary[]> {
  const { archived, q, ...rest } = filters
  const query: ListQuery = {
    ...withoutEmpty(rest),
    ...(q?.trim() ? { q: q.trim() } : {}),
    ...(archived ? { archived: 'true' } : {}),
  }
  return (await answer(api.GET('/api/articles', { params: { query }, signal }))).articles
}

/** The filters that are set: an empty one stays out of the URL. */
const withoutEmpty = <T extends object>(filters: T) =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as {
    [K in keyof T]?: NonNullable<T[K]>
  }

/** One article: its Markdown, the server's sanitised `html` and its translations. */
export function getArticle(id: string, signal?: AbortSignal): Promise<Article> {
  return answer(api.GET('/api/articles/{id}', { ...byId(id), signal }))
}

export function createArticle(
  input: Partial<ArticleCreate> & Pick<ArticleCreate, 'lang' | 'title'>,
): Promise<Article> {
  return answer(api.POST('/api/articles', { body: input }))
}

/**
 * Edits, reviews or archives; send the version you saw (409 `version_conflict` has `current`).
 * Without `translationOf: null`: openapi-fetch types an optional `null` property as `never`
 * (openapi-ts/openapi-typescript#2717), and the web never detaches a translation.
 */
export function patchArticle(
  id: string,
  patch: Omit<ArticlePatch, 'translationOf'>,
): Promise<Article> {
  return answer(api.PATCH('/api/articles/{id}', { ...byId(id), body: patch }))
}

export async function articleHistory(id: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/articles/{id}/history', { ...byId(id), signal }))).revisions
}

/** "What do I do here": a stage's instruction for a role, then its other articles. */
export function stageGuide(
  stageId: string,
  options: { roleId: string | null; lang: Lang },
  signal?: AbortSignal,
): Promise<StageGuide> {
  const query = { lang: options.lang, ...(options.roleId ? { roleId: options.roleId } : {}) }
  const params = { path: { id: stageId }, query }
  return answer(api.GET('/api/stages/{id}/guide', { params, signal }))
}

/** The server's copy of the article a 409 was about, when the error carries it. */
export function currentArticleOf(error: unknown): Article | undefined {
  if (!(error instanceof ApiError)) return undefined
  const current = error.body.current
  return isRecord(current) && typeof current.id === 'string' && typeof current.version === 'number'
    ? (current as Article)
    : undefined
}
