import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { api, cardSlot, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const newCard = async (page: Parameters<typeof api>[0], name: string, stageId = 'kickoff') => {
  const created = await api<Client>(page, 'POST', '/clients', {
    name,
    company: 'ООО «Журнал»',
    tier: 'B',
    stageId,
  })
  if (created.status !== 201) throw new Error(`could not create a client: ${created.status}`)
  return created.body
}

describe("the client's record in the drawer", () => {
  it('logs a call with a next contact date and puts the task in "my tasks"', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const card = await newCard(page, 'E2E Звонок')
    await page.goto(`/?card=${card.id}`)
    const drawer = page.getByRole('dialog', { name: card.name })
    await drawer.getByRole('button', { name: 'Записать звонок' }).click()
    await expect(
      drawer.getByRole('tab', { name: 'Журнал' }).getAttribute('aria-selected'),
    ).resolves.toBe('true')
    const text = drawer.getByLabel('Что произошло')
    await expect(text.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await text.fill('Обсудили **пилот**, клиент просит КП до пятницы')
    await drawer.getByLabel('Следующий шаг').fill('Отправить КП на пилот')
    await drawer.getByLabel('Следующий контакт').fill('2030-04-17')
    await text.focus()
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/clients/${card.id}/journal`) && r.request().method() === 'POST',
    )
    await page.keyboard.press('Control+Enter')
    expect((await saved).status()).toBe(201)
    // The entry shows at once, its Markdown rendered.
    await drawer.locator('.journal__item strong', { hasText: 'пилот' }).waitFor()
    await expect(text.inputValue()).resolves.toBe('')
    // Its author corrects it; the first version stays in the trail.
    await drawer.getByRole('button', { name: 'Исправить' }).click()
    await drawer.getByLabel('Исправить').fill('Обсудили **пилот**, КП нужно до четверга')
    await drawer.getByRole('button', { name: 'Сохранить исправление' }).click()
    await drawer.locator('.journal__body', { hasText: 'до четверга' }).waitFor()
    await drawer.locator('.journal__trail summary', { hasText: 'Исправлено (1)' }).click()
    await drawer.locator('.journal__revision', { hasText: 'до пятницы' }).waitFor()

    await page.keyboard.press('Escape')
    await page.getByRole('link', { name: 'Мои задачи' }).click()
    const task = page.locator('.my-tasks__item', { hasText: 'Отправить КП на пилот' })
    await task.locator('.my-tasks__client', { hasText: card.name }).waitFor()
    await task.locator('.my-tasks__due', { hasText: '2030' }).waitFor()
    // The task opens its card.
    await task.locator('.my-tasks__link').click()
    await page.getByRole('dialog', { name: card.name }).waitFor()
    await context.close()
  })

  it("logs a call and time from the card's menu", async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    // The first column is in view at 1440 px without scrolling the board.
    const card = await newCard(page, 'E2E Меню записи', 'inbound-lead')
    await page.goto(`/?q=${encodeURIComponent(card.name)}`)
    const menu = page.getByRole('button', { name: `Действия с карточкой «${card.name}»` })
    await cardSlot(page, card.id).hover()
    await menu.click()
    await page.getByRole('menuitem', { name: 'Записать звонок' }).click()
    const drawer = page.getByRole('dialog', { name: card.name })
    await expect(
      drawer.getByRole('tab', { name: 'Журнал' }).getAttribute('aria-selected'),
    ).resolves.toBe('true')
    await drawer.getByLabel('Что произошло').waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    await cardSlot(page, card.id).hover()
    await menu.click()
    await page.getByRole('menuitem', { name: 'Учесть время' }).click()
    await page.getByRole('dialog', { name: 'Учесть время по карточке' }).waitFor()
    await context.close()
  })

  it('asks for the reason when a card is archived as lost', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const card = await newCard(page, 'E2E Потерян')
    await page.goto(`/?card=${card.id}`)
    const drawer = page.getByRole('dialog', { name: card.name })
    await drawer.getByRole('button', { name: 'В архив…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Отправить карточку в архив' })
    await dialog.getByLabel('Клиент потерян').check()
    let patched = 0
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().endsWith(`/api/clients/${card.id}`)) patched += 1
    })
    await dialog.getByRole('button', { name: 'В архив', exact: true }).click()
    await dialog.getByText('Выберите причину').waitFor()
    expect(patched).toBe(0)
    await dialog.getByLabel('Причина (обязательно)').selectOption({ label: 'Выбрали конкурента' })
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/clients/${card.id}`) && r.request().method() === 'PATCH',
    )
    await dialog.getByRole('button', { name: 'В архив', exact: true }).click()
    const response = await saved
    expect(response.status()).toBe(200)
    expect(response.request().postDataJSON()).toMatchObject({
      archived: true,
      outcome: 'lost',
      outcomeReasonId: 'loss-competitor',
    })
    await drawer.waitFor({ state: 'detached' })
    await expect(cardSlot(page, card.id).count()).resolves.toBe(0)
    const profile = await api<{ outcome: string }>(page, 'GET', `/clients/${card.id}/profile`)
    expect(profile.body.outcome).toBe('lost')
    await context.close()
  })
})
