import type {
  Article,
  ArticleKind,
  ArticleRevision,
  ArticleSummary,
  Lang,
} from '../../schema/articles'
import { isReviewOverdue } from '../domain/articles'
import { renderMarkdown } from '../../shared/markdown'
import { snippetHtml, stemText, type SearchQuery } from '../domain/knowledge-search'
import { iso } from './time'

export interface ArticleRow {
  id: string
  lang: Lang
  translation_of: string | null
  kind: ArticleKind
  title: string
  body: string
  tags: string
  author_id: string | null
  reviewed_at: number
  review_due: number
  archived: number
  version: number
  created_at: number
  updated_at: number
  stage_ids: string | null
  role_ids: string | null
}

const split = (ids: string | null) => (ids ? ids.split(',').sort() : [])

/** Row → summary; `now` decides whether the yearly review is overdue. */
export const toSummary = (r: ArticleRow, now: number): ArticleSummary => ({
  id: r.id,
  lang: r.lang,
  kind: r.kind,
  title: r.title,
  stageIds: split(r.stage_ids),
  roleIds: split(r.role_ids),
  tags: JSON.parse(r.tags) as string[],
  translationOf: r.translation_of,
  reviewedAt: iso(r.reviewed_at),
  reviewDue: iso(r.review_due),
  overdueReview: isReviewOverdue(r.review_due, r.archived === 1, now),
  archived: r.archived === 1,
  updatedAt: iso(r.updated_at),
})

/** Every article column plus its links, comma-joined (template ids and UUIDs hold no commas). */
export const SELECT_ARTICLE = `SELECT a.id, a.lang, a.translation_of, a.kind, a.title, a.body, a.tags,
    a.author_id, a.reviewed_at, a.review_due, a.archived, a.version, a.created_at, a.updated_at,
    (SELECT group_concat(stage_id) FROM article_stages WHERE article_id = a.id) AS stage_ids,
    (SELECT group_concat(role_id) FROM article_roles WHERE article_id = a.id) AS role_ids`

export interface ListOptions {
  stageId?: string
  roleId?: string
  kind?: ArticleKind
  lang?: Lang
  archived: boolean
  /** The search's FTS5 queries (see ftsQuery), or null to list without searching. */
  match: SearchQuery | null
  limit: number
}

/** Articles matching the filters: by bm25 rank when searching (title counts most), else by title. */
export async function listArticles(
  db: D1Database,
  o: ListOptions,
  now: number,
): Promise<ArticleSummary[]> {
  const params: unknown[] = [o.archived ? 1 : 0, o.limit]
  const where = ['a.archived = ?1']
  const bind = (value: unknown) => `?${params.push(value)}`
  if (o.stageId) {
    where.push(
      `EXISTS (SELECT 1 FROM article_stages s WHERE s.article_id = a.id AND s.stage_id = ${bind(o.stageId)})`,
    )
  }
  if (o.roleId) {
    where.push(
      `EXISTS (SELECT 1 FROM article_roles r WHERE r.article_id = a.id AND r.role_id = ${bind(o.roleId)})`,
    )
  }
  if (o.kind) where.push(`a.kind = ${bind(o.kind)}`)
  if (o.lang) where.push(`a.lang = ${bind(o.lang)}`)
  // Found by stems, ranked by them (title counts most); the snippet marks the same words in
  // the original text.
  const sql = o.match
    ? `${SELECT_ARTICLE}, hl.snippet
       FROM article_stems s JOIN article_stem_rows r ON r.rowid = s.rowid
         JOIN articles a ON a.id = r.article_id
         LEFT JOIN (SELECT article_id,
             snippet(articles_fts, 2, char(2), char(3), '…', 16) AS snippet
           FROM articles_fts WHERE articles_fts MATCH ${bind(o.match.highlight)}) hl
           ON hl.article_id = a.id
       WHERE article_stems MATCH ${bind(o.match.match)} AND ${where.join(' AND ')}
       ORDER BY bm25(article_stems, 10, 1, 4), a.id LIMIT ?2`
    : `${SELECT_ARTICLE} FROM articles a WHERE ${where.join(' AND ')} ORDER BY a.title, a.id LIMIT ?2`
  const { results } = await db
    .prepare(sql)
    .bind(...params)
    .all<ArticleRow & { snippet?: string | null }>()
  return results.map((r) => ({
    ...toSummary(r, now),
    ...(typeof r.snippet === 'string' && { snippet: snippetHtml(r.snippet) }),
  }))
}

/** One article with its rendered body, author name and other language versions. */
export async function getArticle(db: D1Database, id: string, now: number): Promise<Article | null> {
  const [main, translations] = await db.batch<
    (ArticleRow & { author_name: string | null }) | TranslationRow
  >([
    db
      .prepare(
        `${SELECT_ARTICLE}, u.name AS author_name FROM articles a
         LEFT JOIN users u ON u.id = a.author_id WHERE a.id = ?1`,
      )
      .bind(id),
    db
      .prepare(
        `SELECT x.id, x.lang, x.title FROM articles a JOIN articles x
           ON x.id != a.id AND (x.id = coalesce(a.translation_of, a.id)
             OR x.translation_of = coalesce(a.translation_of, a.id))
         WHERE a.id = ?1 AND x.archived = 0 ORDER BY x.lang`,
      )
      .bind(id),
  ])
  const row = main?.results[0] as (ArticleRow & { author_name: string | null }) | undefined
  if (!row) return null
  return {
    ...toSummary(row, now),
    body: row.body,
    html: renderMarkdown(row.body),
    authorId: row.author_id,
    authorName: row.author_name,
    translations: (translations?.results ?? []) as TranslationRow[],
    version: row.version,
    createdAt: iso(row.created_at),
  }
}

interface TranslationRow {
  id: string
  lang: Lang
  title: string
}

/** The live articles linked to a stage, in every language (the guide picks one per text). */
export async function stageArticles(db: D1Database, stageId: string) {
  const { results } = await db
    .prepare(
      `${SELECT_ARTICLE} FROM articles a
       WHERE a.archived = 0 AND EXISTS (SELECT 1 FROM article_stages s WHERE s.article_id = a.id AND s.stage_id = ?1)
       ORDER BY a.title, a.id`,
    )
    .bind(stageId)
    .all<ArticleRow>()
  return results
}

interface RevisionRow {
  id: number
  version: number
  kind: 'created' | 'edited'
  actor_id: string | null
  actor_name: string | null
  fields: string
  summary: string
  prev_title: string | null
  prev_body: string | null
  at: number
}

/** An article's edit history, newest first. */
export async function listRevisions(db: D1Database, articleId: string): Promise<ArticleRevision[]> {
  const { results } = await db
    .prepare(
      `SELECT r.*, u.name AS actor_name FROM article_revisions r LEFT JOIN users u ON u.id = r.actor_id
       WHERE r.article_id = ?1 ORDER BY r.id DESC`,
    )
    .bind(articleId)
    .all<RevisionRow>()
  return results.map((r) => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    fields: JSON.parse(r.fields) as string[],
    summary: r.summary,
    previous: { title: r.prev_title, body: r.prev_body },
    at: iso(r.at),
  }))
}

export async function articleExists(db: D1Database, id: string): Promise<boolean> {
  return (
    (await db.prepare('SELECT 1 AS found FROM articles WHERE id = ?1').bind(id).first()) !== null
  )
}

/** Ids among `ids` that are not stages. */
export async function unknownStages(db: D1Database, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const { results } = await db
    .prepare(`SELECT id FROM stages WHERE id IN (${unique.map((_, i) => `?${i + 1}`).join(',')})`)
    .bind(...unique)
    .all<{ id: string }>()
  const known = new Set(results.map((r) => r.id))
  return unique.filter((id) => !known.has(id))
}

/** Articles whose stems are refreshed per search, at most: the rest follow on the next one. */
const STEMS_PER_SEARCH = 100

/**
 * Brings the stem index up to date with the articles: those written or changed since their
 * stems were (the seed's and a migration's included) get them now, each in one atomic batch,
 * so searches running side by side leave the same rows behind.
 */
export async function refreshStems(db: D1Database): Promise<void> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.title, a.body_text, a.tags, a.updated_at FROM articles a
       LEFT JOIN article_stem_rows r ON r.article_id = a.id
       WHERE r.updated_at IS NOT a.updated_at LIMIT ?1`,
    )
    .bind(STEMS_PER_SEARCH)
    .all<{ id: string; title: string; body_text: string; tags: string; updated_at: number }>()
  if (results.length === 0) return
  const rowOf = '(SELECT rowid FROM article_stem_rows WHERE article_id = ?1)'
  await db.batch(
    results.flatMap((a) => [
      db
        .prepare(
          `INSERT INTO article_stem_rows (article_id, updated_at) VALUES (?1, ?2)
           ON CONFLICT (article_id) DO UPDATE SET updated_at = excluded.updated_at`,
        )
        .bind(a.id, a.updated_at),
      db.prepare(`DELETE FROM article_stems WHERE rowid = ${rowOf}`).bind(a.id),
      db
        .prepare(
          `INSERT INTO article_stems (rowid, title, body, tags) VALUES (${rowOf}, ?2, ?3, ?4)`,
        )
        .bind(a.id, stemText(a.title), stemText(a.body_text), stemText(a.tags)),
    ]),
  )
}
