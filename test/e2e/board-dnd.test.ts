import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { clientNow, firstPhaseStages, topCard } from './board-data'
import {
  api,
  cardSlot,
  column,
  dragWithMouse,
  launch,
  newPage,
  pointInColumn,
  signIn,
} from './browser'

let browser: Browser
let stages: string[]

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

/** The stage ids of the first phase, read once with the first signed-in page. */
async function phaseStages(page: Parameters<typeof firstPhaseStages>[0]) {
  stages ??= await firstPhaseStages(page)
  const [s0, s1, s2, s3, s4] = stages
  if (!s0 || !s1 || !s2 || !s3 || !s4) throw new Error('the first phase has fewer than 5 stages')
  return [s0, s1, s2, s3, s4] as const
}

describe('the board in Chromium', () => {
  it('signs in and comes back to the page that asked for it', async () => {
    const { context, page } = await newPage(browser)
    await page.goto('/?tier=A')
    await page.waitForURL(/\/login\?next=/)
    await signIn(page, 'member@demo.local', page.url())
    expect(new URL(page.url()).search).toBe('?tier=A')
    await expect(page.locator('.user-menu__name').textContent()).resolves.toBe('Анна Смирнова')
    await context.close()
  })

  it('sends a user whose session ended to sign in, and back to the open card', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const [first] = await phaseStages(page)
    const card = await topCard(page, first)
    // The session ends elsewhere (signed out in another tab).
    expect((await api<unknown>(page, 'POST', '/auth/logout')).status).toBe(204)

    await cardSlot(page, card.id).click()
    await page.waitForURL(/\/login\?next=/)
    await signIn(page, 'member@demo.local', page.url())
    expect(new URL(page.url()).searchParams.get('card')).toBe(card.id)
    await page.getByRole('dialog').locator('#drawer-title', { hasText: card.name }).waitFor()

    await page.keyboard.press('Escape')
    await page.locator('.user-menu__button').click()
    await page.getByRole('menuitem').click()
    await page.waitForURL(/\/login$/)
    expect((await api<unknown>(page, 'GET', '/auth/me')).status).toBe(401)
    await context.close()
  })

  it('moves a card to another stage with the mouse, and it stays there after a reload', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const [, from, to] = await phaseStages(page)
    const card = await topCard(page, from)

    const before = await api<{ clients: Client[] }>(page, 'GET', `/clients?stageId=${to}`)

    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${card.id}/move`))
    // Grabbed 20 px into the card, released a row and a bit down the column: the second slot.
    await dragWithMouse(page, cardSlot(page, card.id), await pointInColumn(page, to, 128))
    expect((await moved).status()).toBe(200)
    await expect(column(page, to).locator(`[data-client-id="${card.id}"]`).count()).resolves.toBe(1)
    const after = await api<{ clients: Client[] }>(page, 'GET', `/clients?stageId=${to}`)
    const order = after.body.clients.sort((a, b) => (a.position < b.position ? -1 : 1))
    expect(order.findIndex((c) => c.id === card.id)).toBe(Math.min(1, before.body.clients.length))

    await page.reload()
    await column(page, to).locator(`[data-client-id="${card.id}"]`).waitFor()
    expect((await clientNow(page, card.id)).stageId).toBe(to)
    await context.close()
  })

  it('moves a card with the keyboard only', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const [, , , from, to] = await phaseStages(page)
    const card = await topCard(page, from)

    await cardSlot(page, card.id).focus()
    await page.keyboard.press('Space')
    await page.locator('.drag-overlay').waitFor()
    // Screen readers hear where the card is, in the user's language.
    const live = page.locator('[id^="DndLiveRegion"]')
    await live.filter({ hasText: `Карточка «${card.name}» взята` }).waitFor({ state: 'attached' })
    await page.keyboard.press('ArrowRight')
    await column(page, to).locator('.drop-indicator').waitFor()
    await live.filter({ hasText: 'место 1 из' }).waitFor({ state: 'attached' })
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${card.id}/move`))
    await page.keyboard.press('Space')
    expect((await moved).status()).toBe(200)
    await page.reload()
    await column(page, to).locator(`[data-client-id="${card.id}"]`).waitFor()
    expect((await clientNow(page, card.id)).stageId).toBe(to)
    await context.close()
  })

  it('reorders a card inside its column with the keyboard', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const [, , , , stage] = await phaseStages(page)
    const card = await topCard(page, stage)

    await cardSlot(page, card.id).focus()
    await page.keyboard.press('Space')
    await page.locator('.drag-overlay').waitFor()
    await page.keyboard.press('ArrowDown')
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${card.id}/move`))
    await page.keyboard.press('Enter')
    const request = (await moved).request().postDataJSON() as { beforeId?: string }
    expect(request.beforeId).toBeDefined()
    const { body } = await api<{ clients: Client[] }>(page, 'GET', `/clients?stageId=${stage}`)
    const order = body.clients.sort((a, b) => (a.position < b.position ? -1 : 1)).map((c) => c.id)
    expect(order.indexOf(card.id)).toBe(1)
    await context.close()
  })

  it('asks before moving into a full column, then forces the move', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const [, from, to] = await phaseStages(page)
    const card = await topCard(page, from)
    // The server answers the first try as a full column would.
    const sent: { force?: boolean }[] = []
    await page.route(`**/api/clients/${card.id}/move`, async (route) => {
      sent.push(route.request().postDataJSON() as { force?: boolean })
      if (sent.length === 1) {
        await route.fulfill({
          status: 409,
          json: { error: { code: 'wip_limit', message: 'full' }, current: card, wipLimit: 3 },
        })
      } else await route.continue()
    })

    await dragWithMouse(page, cardSlot(page, card.id), await pointInColumn(page, to, 30))
    const dialog = page.locator('dialog.confirm[open]')
    await dialog.waitFor()
    // While the question is open the card is back where it was.
    await column(page, from).locator(`[data-client-id="${card.id}"]`).waitFor()
    const moved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/clients/${card.id}/move`) && r.status() === 200,
    )
    await dialog.locator('button[type=submit]').click()
    await moved
    expect(sent.map((m) => m.force ?? false)).toEqual([false, true])
    await column(page, to).locator(`[data-client-id="${card.id}"]`).waitFor()
    expect((await clientNow(page, card.id)).stageId).toBe(to)
    await context.close()
  })

  it('snaps a card back with a message when someone changed it meanwhile', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const [from, to] = await phaseStages(page)
    const card = await topCard(page, from)
    // The card is picked up; meanwhile someone else renames it. The live board holds that change
    // until the drop, so the move is made on the version the user saw.
    const box = await cardSlot(page, card.id).boundingBox()
    if (!box) throw new Error('the card is not on screen')
    await page.mouse.move(box.x + box.width / 2, box.y + 20)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 10, box.y + 40, { steps: 4 })
    await page.locator('.drag-overlay').waitFor()
    const renamed = await api<Client>(page, 'PATCH', `/clients/${card.id}`, {
      version: card.version,
      name: `${card.name} (изм.)`,
    })
    expect(renamed.status).toBe(200)
    await page.waitForTimeout(500)

    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${card.id}/move`))
    const target = await pointInColumn(page, to, 30)
    await page.mouse.move(target.x, target.y, { steps: 25 })
    await page.mouse.up()
    expect((await moved).status()).toBe(409)
    await page.locator('.toast--error').filter({ hasText: 'изменил кто-то другой' }).waitFor()
    // Back in its stage, showing the name it has now.
    const back = column(page, from).locator(`[data-client-id="${card.id}"]`)
    await back.locator('.card__name', { hasText: '(изм.)' }).waitFor()
    await expect(column(page, to).locator(`[data-client-id="${card.id}"]`).count()).resolves.toBe(0)
    expect((await clientNow(page, card.id)).stageId).toBe(from)
    await context.close()
  })

  it('does not let a viewer drag', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'viewer@demo.local')
    const [, , from, to] = await phaseStages(page)
    const card = await topCard(page, from)
    let moves = 0
    page.on('request', (r) => {
      if (r.url().includes('/move')) moves++
    })

    await expect(cardSlot(page, card.id).getAttribute('aria-roledescription')).resolves.toBeNull()
    await dragWithMouse(page, cardSlot(page, card.id), await pointInColumn(page, to, 30))
    await expect(page.locator('.drag-overlay').count()).resolves.toBe(0)
    await expect(column(page, from).locator(`[data-client-id="${card.id}"]`).count()).resolves.toBe(
      1,
    )
    expect(moves).toBe(0)
    expect((await clientNow(page, card.id)).stageId).toBe(from)
    await context.close()
  })
})
