import type { ArticleKind, Lang } from '../../schema/articles'
import type { ArticleEdit } from '../domain/articles'

export interface NewArticle {
  id: string
  lang: Lang
  translationOf: string | null
  kind: ArticleKind
  title: string
  body: string
  bodyText: string
  tags: string[]
  stageIds: string[]
  roleIds: string[]
  authorId: string | null
  reviewedAt: number
  reviewDue: number
}

/**
 * Inserts an article with its links and its "created" history entry in one batch. A
 * translation goes in only while its original has none in that language: false otherwise.
 */
export async function insertArticle(
  db: D1Database,
  a: NewArticle,
  actorId: string | null,
  now: number,
): Promise<boolean> {
  const exists = 'EXISTS (SELECT 1 FROM articles WHERE id = ?1)'
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO articles (id, lang, translation_of, kind, title, body, body_text, tags, author_id,
           reviewed_at, review_due, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12
         WHERE ?3 IS NULL OR NOT EXISTS (SELECT 1 FROM articles WHERE translation_of = ?3 AND lang = ?2)`,
      )
      .bind(
        a.id,
        a.lang,
        a.translationOf,
        a.kind,
        a.title,
        a.body,
        a.bodyText,
        JSON.stringify(a.tags),
        a.authorId,
        a.reviewedAt,
        a.reviewDue,
        now,
      ),
    ...a.stageIds.map((stageId) =>
      db
        .prepare(`INSERT INTO article_stages (article_id, stage_id) SELECT ?1, ?2 WHERE ${exists}`)
        .bind(a.id, stageId),
    ),
    ...a.roleIds.map((roleId) =>
      db
        .prepare(`INSERT INTO article_roles (article_id, role_id) SELECT ?1, ?2 WHERE ${exists}`)
        .bind(a.id, roleId),
    ),
    db
      .prepare(
        `INSERT INTO article_revisions (article_id, version, kind, actor_id, fields, summary, at)
         SELECT ?1, 1, 'created', ?2, '[]', 'created', ?3 WHERE ${exists}`,
      )
      .bind(a.id, actorId, now),
  ])
  return (inserted?.meta.changes ?? 0) > 0
}

/**
 * Applies a planned edit if the article is still at `expected`. The history entry and the link
 * rows come first, each guarded by the same version check, and the row's update last: a stale
 * edit (someone saved in between) changes nothing at all.
 */
export async function updateArticle(
  db: D1Database,
  id: string,
  expected: number,
  edit: ArticleEdit & { bodyText: string; reviewDue: number },
  actorId: string | null,
  now: number,
): Promise<boolean> {
  const guard = 'EXISTS (SELECT 1 FROM articles WHERE id = ?1 AND version = ?2)'
  const { next } = edit
  const relink = (table: 'article_stages' | 'article_roles', column: string, ids: string[]) => [
    db.prepare(`DELETE FROM ${table} WHERE article_id = ?1 AND ${guard}`).bind(id, expected),
    ...ids.map((linked) =>
      db
        .prepare(`INSERT INTO ${table} (article_id, ${column}) SELECT ?1, ?3 WHERE ${guard}`)
        .bind(id, expected, linked),
    ),
  ]
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO article_revisions (article_id, version, kind, actor_id, fields, summary, prev_title, prev_body, at)
         SELECT ?1, ?2 + 1, 'edited', ?3, ?4, ?5, ?6, ?7, ?8 WHERE ${guard}`,
      )
      .bind(
        id,
        expected,
        actorId,
        JSON.stringify(edit.fields),
        edit.summary,
        edit.previous.title,
        edit.previous.body,
        now,
      ),
    ...(edit.fields.includes('stageIds')
      ? relink('article_stages', 'stage_id', next.stageIds)
      : []),
    ...(edit.fields.includes('roleIds') ? relink('article_roles', 'role_id', next.roleIds) : []),
    db
      .prepare(
        `UPDATE articles SET title = ?3, body = ?4, body_text = ?5, kind = ?6, tags = ?7, archived = ?8,
           reviewed_at = ?9, review_due = ?10, translation_of = ?12, version = version + 1,
           updated_at = ?11
         WHERE id = ?1 AND version = ?2`,
      )
      .bind(
        id,
        expected,
        next.title,
        next.body,
        edit.bodyText,
        next.kind,
        JSON.stringify(next.tags),
        next.archived ? 1 : 0,
        next.reviewedAt,
        edit.reviewDue,
        now,
        next.translationOf,
      ),
  ])
  return (results.at(-1)?.meta.changes ?? 0) > 0
}
