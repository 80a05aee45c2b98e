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
    const title = { ru: `Пора пересмотреть: «${a.title}»`, en: `Time to review “${a.title}”` }
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
}
