import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Label } from '../../schema/labels'
import { clientNow, firstPhaseStages, topCard } from './board-data'
import { api, cardSlot, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe('labels, due dates and files on a card', () => {
  it('an admin adds a label; a member puts it on a card and filters the board by it', async () => {
    const name = `Ключевой ${Date.now() % 100000}`
    const admin = await newPage(browser)
    await signIn(admin.page, 'admin@demo.local')
    await admin.page.locator('.user-menu__button').click()
    await admin.page.getByRole('menuitem', { name: 'Настройки' }).click()
    await admin.page.locator('.settings__tab', { hasText: 'Метки' }).click()
    const add = admin.page.locator('.label-admin__row').last()
    await add.getByLabel('Название метки').fill(name)
    await add.getByLabel('Цвет').selectOption({ label: 'Фиолетовый' })
    await add.getByRole('button', { name: 'Добавить' }).click()
    await admin.page.locator('.label-admin__row input').first().waitFor()
    await expect
      .poll(async () => (await admin.page.locator('.label-admin__row input').all()).length)
      .toBeGreaterThan(1)
    await admin.context.close()

    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const labels = (await api<{ labels: Label[] }>(page, 'GET', '/labels')).body.labels
    const label = labels.find((l) => l.name === name)
    expect(label?.color).toBe('purple')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[1] ?? '')
    await cardSlot(page, card.id).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('checkbox', { name }).click()
    await expect.poll(async () => (await clientNow(page, card.id)).labelIds).toContain(label?.id)
    // The history is the drawer's last tab.
    await drawer.getByRole('tab', { name: 'История' }).click()
    await drawer.locator('.timeline__item').first().waitFor()
    await page.keyboard.press('Escape')
    await cardSlot(page, card.id).locator('.label--purple', { hasText: name }).waitFor()

    await page.getByLabel('Метка', { exact: true }).selectOption({ label: name })
    expect(new URL(page.url()).searchParams.get('label')).toBe(label?.id)
    await expect.poll(() => page.locator('.card-slot').count()).toBe(1)
    await cardSlot(page, card.id).waitFor()
    // The filter lives in the URL: a reload shows the same view.
    await page.reload()
    await page.locator('.column').first().waitFor()
    await expect.poll(() => page.locator('.card-slot').count()).toBe(1)
    await context.close()
  })

  it('sets a due date that shows on the card, and uploads and downloads a file', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[2] ?? '')
    await cardSlot(page, card.id).click()
    const drawer = page.getByRole('dialog')

    await drawer.getByLabel('Срок карточки').fill('2020-03-02')
    await drawer.getByRole('button', { name: 'Сохранить срок' }).click()
    await expect.poll(async () => (await clientNow(page, card.id)).dueDate).toBe('2020-03-02')
    await cardSlot(page, card.id).locator('.card__due--overdue', { hasText: '02.03' }).waitFor()

    const contents = 'Договор подписан обеими сторонами\n'
    await drawer.locator('input[type=file]').setInputFiles({
      name: 'Договор «Тест».pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(contents),
    })
    const link = drawer.locator('.files__name', { hasText: 'Договор «Тест».pdf' })
    await link.waitFor()
    await drawer.locator('.files__meta', { hasText: 'Анна Смирнова' }).first().waitFor()
    await drawer.getByRole('tab', { name: 'История' }).click()
    await drawer.locator('.timeline__item', { hasText: 'Договор «Тест».pdf' }).first().waitFor()
    await drawer.getByRole('tab', { name: 'Обзор' }).click()

    const download = page.waitForEvent('download')
    await link.click()
    const file = await download
    expect(file.suggestedFilename()).toBe('Договор «Тест».pdf')
    const path = await file.path()
    expect(await readFile(path, 'utf8')).toBe(contents)
    await context.close()
  })
})
