import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { firstPhaseStages, topCard } from './board-data'
import { api, cardSlot, column, launch, newPage, pointInColumn, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

/** Marks the page, so a test can tell the board was updated in place, not reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as { marked?: true }).marked = true))
const stillMarked = (page: Page) => page.evaluate(() => (window as { marked?: true }).marked)

const inColumn = (page: Page, stageId: string, clientId: string) =>
  column(page, stageId).locator(`[data-client-id="${clientId}"]`)

/**
 * A card moved without a place lands at the end of its column, which a long column renders
 * only once scrolled there (the column is virtualised): look there, as a user would.
 */
async function atColumnEnd(page: Page, stageId: string, clientId: string) {
  await expect
    .poll(
      async () => {
        await column(page, stageId)
          .locator('.column__scroller')
          .evaluate((el) => el.scrollTo(0, el.scrollHeight))
        return inColumn(page, stageId, clientId).count()
      },
      { timeout: 15_000 },
    )
    .toBe(1)
}

describe('the live board, a member and a lead on it at once', () => {
  it('shows the member’s drag to the lead as it happens, and the move without a reload', async () => {
    const lead = await newPage(browser)
    const member = await newPage(browser)
    await signIn(member.page, 'member@demo.local')
    const [, from, to] = await firstPhaseStages(member.page)
    if (!from || !to) throw new Error('the first phase has fewer than 3 stages')
    const card = await topCard(member.page, from)

    await signIn(lead.page, 'lead@demo.local', `/?card=${card.id}`)
    const drawer = lead.page.getByRole('dialog')
    await drawer.locator('#drawer-title', { hasText: card.name }).waitFor()
    const stageLine = await drawer.locator('.drawer__stage').textContent()
    await mark(lead.page)
    // Both see each other on the board.
    await lead.page.locator('.live-presence [title="Анна Смирнова"]').waitFor()

    // The member picks the card up: the lead sees who holds it.
    const slot = cardSlot(member.page, card.id)
    const box = await slot.boundingBox()
    if (!box) throw new Error('the card is not on screen')
    await member.page.mouse.move(box.x + box.width / 2, box.y + 20)
    await member.page.mouse.down()
    await member.page.mouse.move(box.x + box.width / 2 + 10, box.y + 30, { steps: 3 })
    const badge = cardSlot(lead.page, card.id).locator('.card-slot__dragging')
    await badge.waitFor()
    expect(await badge.textContent()).toContain('Анна Смирнова')

    const moved = member.page.waitForResponse((r) => r.url().endsWith(`/move`))
    const target = await pointInColumn(member.page, to, 20)
    await member.page.mouse.move(target.x, target.y, { steps: 20 })
    await member.page.mouse.up()
    expect((await moved).status()).toBe(200)

    await inColumn(lead.page, to, card.id).waitFor({ timeout: 5000 })
    await expect(inColumn(lead.page, from, card.id).count()).resolves.toBe(0)
    await badge.waitFor({ state: 'detached' })
    // The open drawer follows: its stage line and its history name the move.
    await expect.poll(() => drawer.locator('.drawer__stage').textContent()).not.toBe(stageLine)
    await drawer.getByRole('tab', { name: 'История' }).click()
    await drawer.locator('.timeline__item--moved').first().waitFor()
    expect(await stillMarked(lead.page)).toBe(true)
    await lead.context.close()
    await member.context.close()
  })

  it('catches up on three moves missed while offline, with a banner meanwhile', async () => {
    const lead = await newPage(browser)
    const member = await newPage(browser)
    await signIn(member.page, 'member@demo.local')
    const stages = await firstPhaseStages(member.page)
    const [from, to] = [stages[3], stages[4]]
    if (!from || !to) throw new Error('the first phase has fewer than 5 stages')
    const cards: Client[] = []
    for (const n of [1, 2, 3]) {
      const created = await api<Client>(member.page, 'POST', '/clients', {
        name: `Офлайн ${n}`,
        company: 'ООО «Связь»',
        tier: 'C',
        stageId: from,
      })
      expect(created.status).toBe(201)
      cards.push(created.body)
    }
    await signIn(lead.page, 'lead@demo.local')
    for (const card of cards) await inColumn(lead.page, from, card.id).waitFor()
    await mark(lead.page)

    await lead.context.setOffline(true)
    await lead.page.locator('.live-banner').waitFor()
    expect(await lead.page.locator('.live-banner').textContent()).toContain('переподключаемся')
    for (const card of cards) {
      const res = await api<Client>(member.page, 'POST', `/clients/${card.id}/move`, {
        stageId: to,
        version: card.version,
      })
      expect(res.status).toBe(200)
    }
    // Nothing reaches the offline board: the new cards still sit on top of their old column.
    await lead.page.waitForTimeout(500)
    for (const card of cards) {
      await expect(inColumn(lead.page, from, card.id).count()).resolves.toBe(1)
    }

    await lead.context.setOffline(false)
    for (const card of cards) {
      await atColumnEnd(lead.page, to, card.id)
      await expect(inColumn(lead.page, from, card.id).count()).resolves.toBe(0)
    }
    await lead.page.locator('.live-banner').waitFor({ state: 'detached' })
    expect(await stillMarked(lead.page)).toBe(true)
    await lead.context.close()
    await member.context.close()
  })

  it('holds other people’s changes while the lead drags, and lands them at the drop', async () => {
    const lead = await newPage(browser)
    const member = await newPage(browser)
    await signIn(member.page, 'member@demo.local')
    const stages = await firstPhaseStages(member.page)
    const [held, from, to] = [stages[0], stages[1], stages[2]]
    if (!held || !from || !to) throw new Error('the first phase has fewer than 3 stages')
    const card = await topCard(member.page, from)
    await signIn(lead.page, 'lead@demo.local')
    const own = await topCard(lead.page, held)

    // The lead picks a card up and keeps holding it.
    const box = await cardSlot(lead.page, own.id).boundingBox()
    if (!box) throw new Error('the card is not on screen')
    await lead.page.mouse.move(box.x + box.width / 2, box.y + 20)
    await lead.page.mouse.down()
    await lead.page.mouse.move(box.x + box.width / 2 + 40, box.y + 60, { steps: 5 })
    await lead.page.locator('.drag-overlay').waitFor()

    const moved = await api<Client>(member.page, 'POST', `/clients/${card.id}/move`, {
      stageId: to,
      version: card.version,
    })
    expect(moved.status).toBe(200)
    await lead.page.waitForTimeout(1000)
    await expect(inColumn(lead.page, from, card.id).count()).resolves.toBe(1)

    await lead.page.keyboard.press('Escape')
    await lead.page.mouse.up()
    await inColumn(lead.page, to, card.id).waitFor({ timeout: 5000 })
    await lead.context.close()
    await member.context.close()
  })
})
