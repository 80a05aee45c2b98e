import type {
  Article,
  ArticleCreate,
  ArticleKind,
  ArticlePatch,
  ArticleRevision,
  ArticleSummary,
  Lang,
  StageGuide,
} from '../../../schema/articles'
import { ApiError, isRecord, request } from './client'

export type { Article, ArticleKind, ArticleRevision, ArticleSummary, Lang, StageGuide }

/** The list filters the API understands; `q` turns the list into a ranked search. */
export interface ArticleQuery {
  stageId?: string | null
  roleId?: string | null
  kind?: ArticleKind | null
  lang?: Lang | null
  q?: string
  archived?: boolean
}

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`

/** The knowledge base, or a search of it (ranked, each hit with a highlighted `snippet`). */
export async function listArticles(
  query: ArticleQuery,
  signal?: AbortSignal,
): Promise<ArticleSummary[]> {
  const search = new URLSearchParams()
  if (query.stageId) search.set('stageId', query.stageId)
  if (query.roleId) search.set('roleId', query.roleId)
  if (query.kind) search.set('kind', query.kind)
  if (query.lang) search.set('lang', query.lang)
  if (query.q?.trim()) search.set('q', query.q.trim())
  if (query.archived) search.set('archived', 'true')
  const qs = search.toString()
  const body = await request<{ articles: ArticleSummary[] }>(`/api/articles${qs ? `?${qs}` : ''}`, {
    signal,
  })
  return body.articles
}

/** One article: its Markdown, the server's sanitised `html` and its translations. */
export function getArticle(id: string, signal?: AbortSignal): Promise<Article> {
  return request<Article>(articlePath(id), { signal })
}

export function createArticle(
  input: Partial<ArticleCreate> & Pick<ArticleCreate, 'lang' | 'title'>,
) {
  return request<Article>('/api/articles', { method: 'POST', body: input })
}

/** Edits, reviews or archives; send the version you saw (409 `version_conflict` has `current`). */
export function patchArticle(id: string, patch: ArticlePatch): Promise<Article> {
  return request<Article>(articlePath(id), { method: 'PATCH', body: patch })
}

export async function articleHistory(id: string, signal?: AbortSignal) {
  const body = await request<{ revisions: ArticleRevision[] }>(`${articlePath(id)}/history`, {
    signal,
  })
  return body.revisions
}

/** "What do I do here": a stage's instruction for a role, then its other articles. */
export function stageGuide(
  stageId: string,
  options: { roleId: string | null; lang: Lang },
  signal?: AbortSignal,
): Promise<StageGuide> {
  const search = new URLSearchParams({ lang: options.lang })
  if (options.roleId) search.set('roleId', options.roleId)
  return request<StageGuide>(`/api/stages/${encodeURIComponent(stageId)}/guide?${search}`, {
    signal,
  })
}

/** The server's copy of the article a 409 was about, when the error carries it. */
export function currentArticleOf(error: unknown): Article | undefined {
  if (!(error instanceof ApiError)) return undefined
  const current = error.body.current
  return isRecord(current) && typeof current.id === 'string' && typeof current.version === 'number'
    ? (current as Article)
    : undefined
}
