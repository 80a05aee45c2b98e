import type { Browser } from 'playwright-core'
import type { Client } from '../../schema/clients'
import type { Task } from '../../schema/tasks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientNow, firstPhaseStages, topCard } from './board-data'
import { api, cardSlot, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe('the card drawer', () => {
  it('opens with Enter, saves an edit, and gives focus back to the card on Escape', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[stages.length - 1] ?? '')

    await cardSlot(page, card.id).focus()
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog')
    await drawer.locator('#drawer-title', { hasText: card.name }).waitFor()
    expect(new URL(page.url()).searchParams.get('card')).toBe(card.id)
    // A member may edit details but not assign people.
    await expect(
      drawer.locator('[aria-labelledby="assignees-title"] select').first().isDisabled(),
    ).resolves.toBe(true)
    const company = drawer.locator('input').nth(1)
    await company.fill('ООО «Переименовано»')
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/clients/${card.id}`) && r.request().method() === 'PATCH',
    )
    await drawer.locator('button[type=submit]').first().click()
    expect((await saved).status()).toBe(200)
    // Who changed what, from what to what.
    const edit = drawer.locator('.timeline__item', { hasText: 'Изменено' }).first()
    await edit.locator('.timeline__text', { hasText: `→ «ООО „Переименовано“»` }).waitFor()
    await edit.locator('.timeline__time', { hasText: 'Анна Смирнова' }).waitFor()
    expect((await clientNow(page, card.id)).company).toBe('ООО «Переименовано»')
    await cardSlot(page, card.id).locator('.card__company', { hasText: 'Переименовано' }).waitFor()

    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await expect(
      cardSlot(page, card.id).evaluate((el) => el === el.ownerDocument.activeElement),
    ).resolves.toBe(true)
    await context.close()
  })

  it('lets a lead assign people, from those who hold the stage role', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[0] ?? '')
    await page.goto(`/?card=${card.id}`)
    const owner = page
      .getByRole('dialog')
      .locator('[aria-labelledby="assignees-title"] select')
      .first()
    await expect(owner.isDisabled()).resolves.toBe(false)
    const options = await owner
      .locator('option')
      .evaluateAll((els) =>
        els.map((el) => (el as unknown as { value: string }).value).filter(Boolean),
      )
    const next = options.find((id) => id !== card.assignees.owner)
    if (!next) throw new Error('no other member holds the owner role of this stage')
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/clients/${card.id}`) && r.request().method() === 'PATCH',
    )
    await owner.selectOption(next)
    expect((await saved).status()).toBe(200)
    expect((await clientNow(page, card.id)).assignees.owner).toBe(next)
    await context.close()
  })

  it('ticks off the "Run product training" task that signing the contract created', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const card = await topCard(page, 'contract-draft')
    const moved = await api<Client>(page, 'POST', `/clients/${card.id}/move`, {
      stageId: 'contract-signed',
      version: card.version,
    })
    expect(moved.status).toBe(200)
    await page.goto(`/?card=${card.id}`)
    const item = page
      .getByRole('dialog')
      .locator('.checklist__item', { hasText: 'Провести обучение продукту' })
      .last()
    const box = item.locator('input[type=checkbox]')
    await expect(box.isChecked()).resolves.toBe(false)
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/tasks/') && r.request().method() === 'PATCH',
    )
    await box.click()
    expect((await saved).status()).toBe(200)
    await item.and(page.locator('.checklist__item--done')).waitFor()
    const { body } = await api<{ tasks: Task[] }>(page, 'GET', `/clients/${card.id}/tasks`)
    const training = body.tasks.filter((t) => t.title === 'Провести обучение продукту').at(-1)
    expect(training).toMatchObject({ done: true, createdBy: { kind: 'automation' } })
    await context.close()
  })
})
