import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firstPhaseStages, topCard } from './board-data'
import { launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe('filters', () => {
  it('count each phase by what they show, and keep every column header on one line', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[1] ?? '')
    await page.goto(`/?q=${encodeURIComponent(card.name)}`)
    await page.locator(`.card-slot:has([data-client-id="${card.id}"])`).waitFor()
    const phase = page.locator('.phase').first()
    await expect(phase.locator('.phase__count').textContent()).resolves.toBe('1')
    const feet = await page
      .locator('.column__foot:has(.column__hidden)')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))
    expect(feet.length).toBeGreaterThan(0)
    expect(Math.max(...feet)).toBeLessThan(24)
    await context.close()
  })
})

describe('forms', () => {
  it('say what is wrong with a score of 150, and Cancel still throws it away', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[2] ?? '')
    await page.goto(`/?card=${card.id}`)
    const drawer = page.getByRole('dialog')
    const score = drawer.getByLabel('Скоринг (0–100)')
    await score.fill('150')
    await expect(score.getAttribute('aria-invalid')).resolves.toBe('true')
    await drawer.getByText('Скоринг — целое число от 0 до 100.').waitFor()
    await expect(
      drawer.getByRole('button', { name: 'Сохранить', exact: true }).isDisabled(),
    ).resolves.toBe(true)
    await drawer.getByRole('button', { name: 'Отменить' }).click()
    await expect(score.inputValue()).resolves.toBe(card.score === null ? '' : String(card.score))
    await expect(drawer.locator('.field__error').count()).resolves.toBe(0)

    await drawer.getByLabel('Компания').fill('')
    await drawer.getByText('Заполните это поле.').waitFor()
    await context.close()
  })

  it('let a member create a client on the board, which opens in the first stage', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.getByRole('button', { name: 'Новый клиент' }).click()
    const form = page.locator('dialog.new-client')
    await form.getByRole('button', { name: 'Создать' }).click()
    await form.getByRole('alert').waitFor()
    await form.getByLabel('Контакт').fill('Эмма Участникова')
    await form.getByLabel('Компания').fill('ООО «Создано участником»')
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/clients') && r.request().method() === 'POST',
    )
    await form.getByRole('button', { name: 'Создать' }).click()
    expect((await created).status()).toBe(201)
    await page
      .getByRole('dialog')
      .locator('#drawer-title', { hasText: 'Эмма Участникова' })
      .waitFor()
    await page.locator('.card-slot', { hasText: 'Эмма Участникова' }).waitFor()
    await context.close()
  })
})
