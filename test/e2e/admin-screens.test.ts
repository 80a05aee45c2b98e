import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MyOnboarding } from '../../schema/onboarding'
import { api, baseUrl, column, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe('admin screens', () => {
  it('lets an admin change a stage’s SLA and the board shows it', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'admin@demo.local')
    await page.goto('/settings?tab=stages')
    const row = page.locator('[data-stage-id="first-call"]')
    await row.getByRole('button', { name: 'Изменить этап «Первый звонок»' }).click()
    const sla = row.getByLabel('SLA, рабочих дней')
    await sla.fill('0')
    await row.getByRole('button', { name: 'Сохранить' }).click()
    // The server's 422 names the field: the message sits under it, and Cancel still works.
    await expect.poll(() => sla.getAttribute('aria-invalid')).toBe('true')
    await sla.fill('7')
    await row.getByRole('button', { name: 'Сохранить' }).click()
    await row.getByText('SLA 7 р. д.').waitFor()

    await page.goto('/?phase=acquisition')
    await column(page, 'first-call').locator('.sla').first().waitFor()
    expect(await column(page, 'first-call').locator('.sla').first().textContent()).toBe(
      'SLA 7 р.д.',
    )
    await context.close()
  })

  it('refuses to archive a stage that holds cards, saying why beside the button', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'admin@demo.local')
    await page.goto('/settings?tab=stages')
    const row = page.locator('[data-stage-id="inbound-lead"]')
    await row.getByRole('button', { name: /Изменить этап/ }).click()
    await row.getByRole('button', { name: 'В архив' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'В архив' }).click()
    await row.getByText('На этапе ещё есть карточки').waitFor()
    await context.close()
  })

  it('shows an API token’s secret once, and the secret works', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'admin@demo.local')
    await page.goto('/settings?tab=tokens')
    await page.getByLabel('Название (для чего)').fill('Выгрузка в BI')
    await page.getByRole('button', { name: 'Создать токен' }).click()
    const secret = page.locator('.secret-box__secret')
    await secret.waitFor()
    const token = (await secret.textContent()) ?? ''
    expect(token).toMatch(/^jb_/)
    const res = await page.request.get(`${baseUrl()}/api/journey`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status()).toBe(200)
    await page.getByRole('button', { name: 'Секрет сохранён' }).click()
    await expect.poll(() => secret.count()).toBe(0)
    await page.reload()
    await page.locator('[data-token-id]').filter({ hasText: 'Выгрузка в BI' }).waitFor()
    expect(await page.content()).not.toContain(token)
    await context.close()
  })

  it('says on the field why the last admin cannot be deactivated', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'admin@demo.local')
    await page.goto('/settings?tab=users')
    const row = page.locator('[data-user-id="u-demo-admin"]')
    await row.getByRole('button', { name: 'Отключить' }).click()
    await row.getByText('Это последний активный администратор').waitFor()
    await context.close()
  })
})

describe('onboarding tracks', () => {
  it('lets a lead create a track linking an article, and the newcomer sees it', async () => {
    const lead = await newPage(browser)
    await signIn(lead.page, 'lead@demo.local')
    await lead.page.goto('/onboarding')
    await lead.page.getByRole('link', { name: 'Треки и наставники →' }).click()
    await lead.page.waitForURL(/\/onboarding\/manage$/)
    await lead.page.getByRole('button', { name: 'Новый трек' }).click()
    const form = lead.page.getByRole('form', { name: 'Новый трек' })
    await form.getByLabel('Для роли').selectOption('account_manager')
    await form.getByLabel('Название по-русски').fill('Аккаунт: сопровождение')
    await form.getByLabel('Название по-английски').fill('Account care basics')
    await form.getByRole('button', { name: '+ Статья' }).click()
    const { title: articleTitle } = (
      await api<{ title: string }>(lead.page, 'GET', '/articles/kb-overdue-ru')
    ).body
    await form.getByLabel('Статья базы знаний').selectOption('kb-overdue-ru')
    await form.getByLabel('Срок, рабочих дней от старта').fill('3')
    await form.getByRole('button', { name: 'Создать трек' }).click()
    await lead.page
      .locator('[data-track-id]')
      .filter({ hasText: 'Аккаунт: сопровождение' })
      .waitFor()
    await lead.context.close()

    const newcomer = await newPage(browser)
    await signIn(newcomer.page, 'member@demo.local')
    await newcomer.page.goto('/onboarding')
    const track = newcomer.page.locator('.ob-track').filter({ hasText: 'Аккаунт: сопровождение' })
    await track.waitFor()
    await track.getByRole('link', { name: articleTitle }).waitFor()
    const me = (await api<MyOnboarding>(newcomer.page, 'GET', '/onboarding/me')).body
    const mine = me.tracks.find((t) => t.title.ru === 'Аккаунт: сопровождение')
    expect(mine?.items[0]).toMatchObject({ kind: 'article', dueDays: 3 })
    await newcomer.context.close()
  }, 120_000)
})
