import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from '../api/helpers'
import { MORNING, runCron } from './run-cron'

const DAY = 86_400_000

interface Note {
  kind: string
  title: string
  data: { articleId: string; en: { title: string } } | null
}

/** The review reminders in a member's inbox for one article. */
const reminders = async (as: 'lead' | 'member', articleId: string) =>
  ((await api('/notifications', { as })).body.notifications as Note[]).filter(
    (n) => n.kind === 'article_review' && n.data?.articleId === articleId,
  )

const write = async (
  title: string,
  as: 'admin' | 'lead',
  more: { lang?: 'ru' | 'en'; translationOf?: string } = {},
) => {
  const res = await api('/articles', {
    method: 'POST',
    as,
    json: { lang: 'ru', kind: 'instruction', title, ...more },
  })
  expect(res.status).toBe(201)
  return res.body as { id: string; reviewDue: string }
}

describe('review reminders', () => {
  it("flags an article past its yearly review to its author's member, once however often it runs", async () => {
    const article = await write('Регламент оплаты', 'lead')
    await runCron(MORNING, Date.parse(article.reviewDue) - DAY)
    expect(await reminders('lead', article.id)).toEqual([])

    const late = Date.parse(article.reviewDue) + DAY
    await runCron(MORNING, late)
    await runCron(MORNING, late + 60_000)
    const notes = await reminders('lead', article.id)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.title).toBe('Пора пересмотреть: «Регламент оплаты»')
    expect(notes[0]?.data?.en.title).toBe('Time to review “Регламент оплаты”')
    expect(await reminders('member', article.id)).toEqual([])
  })

  it('names an English article by its Russian translation in the Russian inbox', async () => {
    const ru = await write('Регламент продления', 'lead')
    const en = await write('Renewal rules', 'lead', { lang: 'en', translationOf: ru.id })
    await runCron(MORNING, Date.parse(en.reviewDue) + DAY)
    const [note] = await reminders('lead', en.id)
    expect(note?.title).toBe('Пора пересмотреть английскую версию: «Регламент продления»')
    expect(note?.data?.en.title).toBe('Time to review “Renewal rules”')
    const [original] = await reminders('lead', ru.id)
    expect(original?.title).toBe('Пора пересмотреть: «Регламент продления»')
    expect(original?.data?.en.title).toBe('Time to review the Russian version of “Renewal rules”')
  })

  it('reminds again only after the next due date, once the review is done', async () => {
    const article = await write('Регламент продления', 'lead')
    // Written and last reviewed well over a year ago.
    const now = Date.now()
    await env.DB.prepare('UPDATE articles SET reviewed_at = ?2, review_due = ?3 WHERE id = ?1')
      .bind(article.id, now - 400 * DAY, now - 35 * DAY)
      .run()
    expect((await api(`/articles/${article.id}`)).body.overdueReview).toBe(true)
    await runCron(MORNING, now)
    expect(await reminders('lead', article.id)).toHaveLength(1)
    const reviewed = await api(`/articles/${article.id}`, {
      method: 'PATCH',
      as: 'lead',
      json: { version: 1, reviewed: true },
    })
    expect(reviewed.body.overdueReview).toBe(false)
    await runCron(MORNING, now + DAY)
    expect(await reminders('lead', article.id)).toHaveLength(1)
    await runCron(MORNING, Date.parse(reviewed.body.reviewDue) + DAY)
    expect(await reminders('lead', article.id)).toHaveLength(2)
  })

  it('skips archived articles and authors who act as no member', async () => {
    const byAdmin = await write('Регламент администратора', 'admin')
    const archived = await write('Архивный регламент', 'lead')
    await api(`/articles/${archived.id}`, {
      method: 'PATCH',
      as: 'lead',
      json: { version: 1, archived: true },
    })
    await runCron(MORNING, Date.parse(byAdmin.reviewDue) + 10 * DAY)
    expect(await reminders('lead', archived.id)).toEqual([])
    const anyForAdminArticle = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'article_review' AND data LIKE ?1",
    )
      .bind(`%${byAdmin.id}%`)
      .first<{ n: number }>()
    expect(anyForAdminArticle?.n).toBe(0)
  })
})
