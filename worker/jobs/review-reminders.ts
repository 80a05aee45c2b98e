import { quoteEn, quoteRu } from '../domain/alert-text'
import { notifyStatement } from '../db/notifications'
import { overdueReviews } from '../db/review-reminders'
import type { Env } from '../env'

/** Reminders per run; the rest come next run (the query skips whoever was reminded). */
const PER_RUN = 200
const PER_BATCH = 50

/**
 * Regulations are reviewed every year: each article past its review date is flagged to its
 * author's member once per due date (the dedupe key), however often the job runs. Authors with
 * no member (e.g. an admin account) or inactive accounts are skipped; marking the article
 * reviewed moves the due date, so the next year brings a new reminder.
 */
export async function reviewReminders(env: Env, now: number) {
  const db = env.DB
  const due = await overdueReviews(db, now, PER_RUN)
  const statements = due.map((a) => {
    const date = new Date(a.reviewDue).toISOString().slice(0, 10)
    // Each language version has its own review: with a translation around, say which one, by
    // the name the reader knows it under.
    const paired = a.titleRu !== null && a.titleEn !== null
    const ruName = quoteRu(a.titleRu ?? a.title)
    const enName = quoteEn(a.titleEn ?? a.title)
    const title = {
      ru: `Пора пересмотреть${paired && a.lang === 'en' ? ' английскую версию' : ''}: ${ruName}`,
      en: `Time to review${paired && a.lang === 'ru' ? ' the Russian version of' : ''} ${enName}`,
    }
    const body = {
      ru: `Срок ежегодного пересмотра прошёл ${date}. Проверьте статью и отметьте её пересмотренной.`,
      en: `Its yearly review was due on ${date}. Check the article and mark it reviewed.`,
    }
    return notifyStatement(
      db,
      {
        memberId: a.memberId,
        kind: 'article_review',
        clientId: null,
        title: title.ru,
        body: body.ru,
        data: { articleId: a.id, reviewDue: date, en: { title: title.en, body: body.en } },
        dedupeKey: a.dedupeKey,
      },
      now,
    )
  })
  for (let i = 0; i < statements.length; i += PER_BATCH) {
    await db.batch(statements.slice(i, i + PER_BATCH))
  }
  return `review reminders: ${due.length} articles due`
}
