import { ARTICLE_KINDS, LANGS } from '../../../schema/enums'
import type { ArticleKind, Lang } from '../../../schema/articles'
import type { ArticleQuery } from '../api/articles'

const KINDS: readonly ArticleKind[] = ARTICLE_KINDS

/** The knowledge base list's filters; all of them live in the URL, so a link reproduces a view. */
export interface KbFilters {
  stage: string | null
  role: string | null
  kind: ArticleKind | null
  /** A language, 'all' for both, or null for the interface language (the default). */
  lang: Lang | 'all' | null
  q: string
  archived: boolean
}

export const NO_KB_FILTERS: KbFilters = {
  stage: null,
  role: null,
  kind: null,
  lang: null,
  q: '',
  archived: false,
}

/** Reads the filters from a query string; anything unknown is ignored. */
export function readKbFilters(search: URLSearchParams): KbFilters {
  const kind = search.get('kind')
  const lang = search.get('lang')
  return {
    stage: search.get('stage') || null,
    role: search.get('role') || null,
    kind: KINDS.find((k) => k === kind) ?? null,
    lang: lang === 'all' ? 'all' : (LANGS.find((l) => l === lang) ?? null),
    q: (search.get('q') ?? '').slice(0, 200),
    archived: search.get('archived') === '1',
  }
}

/** The filters as a query string (empty ones left out). */
export function writeKbFilters(f: KbFilters): URLSearchParams {
  const search = new URLSearchParams()
  if (f.q.trim()) search.set('q', f.q.trim())
  if (f.stage) search.set('stage', f.stage)
  if (f.role) search.set('role', f.role)
  if (f.kind) search.set('kind', f.kind)
  if (f.lang) search.set('lang', f.lang)
  if (f.archived) search.set('archived', '1')
  return search
}

/** What to ask the API for: the interface language unless another (or both) was chosen. */
export function articleQuery(f: KbFilters, locale: Lang): ArticleQuery {
  return {
    stageId: f.stage,
    roleId: f.role,
    kind: f.kind,
    lang: f.lang === 'all' ? null : (f.lang ?? locale),
    q: f.q.trim(),
    archived: f.archived,
  }
}

/** True when a filter other than the default language narrows the list. */
export const narrowsArticles = (f: KbFilters): boolean =>
  !!(f.stage || f.role || f.kind || f.q.trim() || f.archived || f.lang)
