import type { Browser } from 'playwright-core'
import type { Client } from '../../schema/clients'
import type { Task } from '../../schema/tasks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientNow, firstPhaseStages, topCard } from './board-data'
import type { Journey } from '../../schema/journey'
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
    await drawer.getByRole('tab', { name: 'Команда' }).click()
    await drawer.locator('.people__row').first().waitFor()
    await expect(drawer.locator('.people__change').count()).resolves.toBe(0)
    await drawer.getByRole('tab', { name: 'Обзор' }).click()
    const company = drawer.locator('input').nth(1)
    await company.fill('ООО «Переименовано»')
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/clients/${card.id}`) && r.request().method() === 'PATCH',
    )
    await drawer.locator('button[type=submit]').first().click()
    expect((await saved).status()).toBe(200)
    // Who changed what, from what to what.
    await drawer.getByRole('tab', { name: 'История' }).click()
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

  it("lists the client's person for every journey role, marking the roles that act now", async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    const stages = await firstPhaseStages(page)
    const card = await topCard(page, stages[0] ?? '')
    const journey = (await api<Journey>(page, 'GET', '/journey')).body
    const stage = journey.phases.flatMap((p) => p.stages).find((s) => s.id === card.stageId)
    if (!stage) throw new Error('the card has no stage')
    await page.goto(`/?card=${card.id}`)
    await page.getByRole('dialog').getByRole('tab', { name: 'Команда' }).click()
    const section = page.getByRole('dialog').locator('[aria-labelledby="people-title"]')
    await section.locator('.people__row').first().waitFor()
    await expect(section.locator('.people__row').count()).resolves.toBe(journey.roles.length)
    const acting = await section
      .locator('.people__row--acting')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-role-id')))
    expect(acting.sort()).toEqual([...new Set(Object.values(stage.roles))].sort())
    for (const [roleId, memberId] of Object.entries(card.people)) {
      const person = section.locator(`.people__row[data-role-id="${roleId}"] .people__person`)
      await expect(person.getAttribute('data-member-id')).resolves.toBe(memberId)
    }
    // A lead changes any role through the suggestions.
    await expect(section.locator('.people__change').count()).resolves.toBe(journey.roles.length)
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
    await page.getByRole('dialog').getByRole('tab', { name: 'Задачи' }).click()
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
