export interface OverdueReview {
  id: string
  title: string
  lang: 'ru' | 'en'
  /** The title in each language, from the article or its translation, where one exists. */
  titleRu: string | null
  titleEn: string | null
  reviewDue: number
  /** The author's member: who is reminded. */
  memberId: string
  dedupeKey: string
}

/**
 * Live articles past their review date whose author (an active user acting as a member) has
 * not yet been reminded about that date, oldest due first.
 */
export async function overdueReviews(
  db: D1Database,
  now: number,
  limit: number,
): Promise<OverdueReview[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.title, a.lang, a.review_due AS reviewDue, u.member_id AS memberId,
         CASE a.lang WHEN 'ru' THEN a.title ELSE tr.title END AS titleRu,
         CASE a.lang WHEN 'en' THEN a.title ELSE tr.title END AS titleEn,
         'article-review:' || a.id || ':' || a.review_due AS dedupeKey
       FROM articles a JOIN users u ON u.id = a.author_id
         LEFT JOIN articles tr ON tr.archived = 0 AND tr.lang <> a.lang
           AND (tr.id = a.translation_of OR tr.translation_of = a.id)
       WHERE a.archived = 0 AND a.review_due <= ?1 AND u.member_id IS NOT NULL AND u.active = 1
         AND NOT EXISTS (SELECT 1 FROM notifications n
           WHERE n.dedupe_key = 'article-review:' || a.id || ':' || a.review_due)
       ORDER BY a.review_due, a.id LIMIT ?2`,
    )
    .bind(now, limit)
    .all<OverdueReview>()
  return results
}
