import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import type { Calendar } from '../../shared/clock'
import { topCard } from './board-data'
import { api, baseUrl, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

type Setting = { calendar: Calendar; version: number }
type Inbox = {
  notifications: { id: string; kind: string; clientId: string | null }[]
  unread: number
}

const calendarNow = async (page: Page) =>
  (await api<Setting>(page, 'GET', '/settings/calendar')).body

/** Runs one cron trigger of the served Worker (wrangler dev --test-scheduled). */
async function runCron(cron: string) {
  const res = await fetch(`${baseUrl()}/__scheduled?cron=${cron.replaceAll(' ', '+')}`)
  expect(res.ok).toBe(true)
}

describe('the settings', () => {
  it('lets an admin add and remove a holiday, with server errors and conflicts shown', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'admin@demo.local')
    const before = await calendarNow(page)
    const holiday = '2027-02-24'
    expect(before.calendar.holidays).not.toContain(holiday)

    await page.locator('.user-menu__button').click()
    await page.getByRole('menuitem', { name: 'Настройки' }).click()
    await page.waitForURL(/\/settings$/)
    const form = page.getByRole('form', { name: 'Рабочий календарь' })
    await form.waitFor()

    await form.getByLabel('Дата праздника').fill(holiday)
    await form.getByRole('button', { name: 'Добавить' }).click()
    await form.locator(`.holiday[data-date="${holiday}"]`).waitFor()
    const saving = page.waitForResponse(
      (r) => r.url().endsWith('/api/settings/calendar') && r.request().method() === 'PATCH',
    )
    await form.getByRole('button', { name: 'Сохранить' }).click()
    expect((await saving).status()).toBe(200)
    await page.locator('.toast', { hasText: 'Календарь сохранён' }).waitFor()
    const saved = await calendarNow(page)
    expect(saved.calendar.holidays).toContain(holiday)
    expect(saved.version).toBe(before.version + 1)

    // The server's own checks show next to the field they concern (a zone it does not know).
    await form.getByLabel('Часовой пояс', { exact: true }).selectOption({ label: 'Другой…' })
    await form.getByLabel('Часовой пояс IANA, например Asia/Kolkata').fill('Mars/Olympus')
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH')
    await form.getByRole('button', { name: 'Сохранить' }).click()
    expect((await refused).status()).toBe(422)
    await expect(form.locator('#cal-zone-error').textContent()).resolves.toContain('time zone')
    await form.getByRole('button', { name: 'Отменить изменения' }).click()

    // Someone else saves meanwhile: ours is refused, the current calendar comes back.
    const other = { ...saved.calendar, workEnd: '18:30' }
    await api(page, 'PATCH', '/settings/calendar', { calendar: other, version: saved.version })
    await form.locator(`.holiday[data-date="${holiday}"] button`).click()
    const conflict = page.waitForResponse((r) => r.request().method() === 'PATCH')
    await form.getByRole('button', { name: 'Сохранить' }).click()
    expect((await conflict).status()).toBe(409)
    await form.locator('.settings-notice', { hasText: 'изменил кто-то другой' }).waitFor()
    await expect(form.getByLabel('Конец рабочего дня').inputValue()).resolves.toBe('18:30')
    await form.locator(`.holiday[data-date="${holiday}"]`).waitFor()

    // Now the removal goes through, and the day's end goes back to what it was.
    await form.locator(`.holiday[data-date="${holiday}"] button`).click()
    await form.getByLabel('Конец рабочего дня').fill(before.calendar.workEnd)
    const removed = page.waitForResponse((r) => r.request().method() === 'PATCH')
    await form.getByRole('button', { name: 'Сохранить' }).click()
    expect((await removed).status()).toBe(200)
    const after = await calendarNow(page)
    expect(after.calendar).toEqual(before.calendar)
    await context.close()
  })

  it('is not offered to anyone but admins, and sends them back to the board', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await page.locator('.user-menu__button').click()
    await expect(page.getByRole('menuitem', { name: 'Настройки' }).count()).resolves.toBe(0)
    await page.goto('/settings')
    await page.waitForURL((url) => url.pathname === '/')
    await page.locator('.column').first().waitFor()
    await context.close()
  })
})

describe('the inbox', () => {
  it('shows the lead the unread count, opens a card from it and marks everything read', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    // A message for the lead: a card without an account manager enters Kickoff, which the
    // account manager owns, so the lead of account managers is told it is unstaffed. Then the
    // sweep and the morning digest.
    const card = await topCard(page, 'qualification')
    expect(card.people.account_manager).toBeUndefined()
    const moved = await api<Client>(page, 'POST', `/clients/${card.id}/move`, {
      stageId: 'kickoff',
      version: card.version,
    })
    expect(moved.status).toBe(200)
    await runCron('*/5 * * * *')
    await runCron('0 6 * * 1-5')

    const inbox = (await api<Inbox>(page, 'GET', '/notifications')).body
    expect(inbox.unread).toBeGreaterThan(1)
    expect(inbox.notifications.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['unstaffed', 'digest']),
    )
    await page.reload()
    const badge = page.locator('.inbox__badge')
    await expect(badge.textContent()).resolves.toBe(String(inbox.unread))

    // Opening a notification opens its card and counts it read.
    const bell = page.locator('.inbox__bell')
    await bell.click()
    const panel = page.locator('.inbox__panel')
    await panel.locator('.inbox-item--unread[data-kind="digest"]').waitFor()
    const message = panel.locator('.inbox-item[data-kind="unstaffed"]').first()
    await message.locator('a.inbox-item__title').click()
    await page.waitForURL((url) => url.searchParams.get('card') === card.id)
    await page.locator('#drawer-title', { hasText: card.name }).waitFor()
    await expect(badge.textContent()).resolves.toBe(String(inbox.unread - 1))
    await page.keyboard.press('Escape')

    await bell.click()
    await panel.getByRole('button', { name: 'Прочитать все' }).click()
    await badge.waitFor({ state: 'detached' })
    await expect(panel.locator('.inbox-item--unread').count()).resolves.toBe(0)
    expect((await api<Inbox>(page, 'GET', '/notifications')).body.unread).toBe(0)
    await context.close()
  })
})
