import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core'
import { inject } from 'vitest'

export const baseUrl = () => inject('baseUrl')
export const DEMO_PASSWORD = 'demo-board-2026'

/** Debian's Chromium, headless; never a downloaded browser. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  })
}

export async function newPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), locale: 'ru-RU' })
  const page = await context.newPage()
  return { context, page }
}

/** Signs in through the sign-in page and waits for the board. */
export async function signIn(page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(path)
  await page.waitForURL(/\/login/)
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('.signin__submit').click()
  await page.locator('.column').first().waitFor()
}

/** A JSON call to the API with the page's session cookie, as a same-origin page would send it. */
export async function api<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await page.request.fetch(`/api${path}`, {
    method,
    data,
    headers: { Origin: baseUrl(), 'Content-Type': 'application/json' },
  })
  const text = await res.text()
  return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as T }
}

/** The draggable slot of a card on the board. */
export const cardSlot = (page: Page, clientId: string): Locator =>
  page.locator(`.card-slot:has([data-client-id="${clientId}"])`)

export const column = (page: Page, stageId: string): Locator =>
  page.locator(`.column[data-stage-id="${stageId}"]`)

/** A real mouse drag: press on the card, about 25 small moves to the point, release. */
export async function dragWithMouse(
  page: Page,
  from: Locator,
  to: { x: number; y: number },
): Promise<void> {
  const box = await from.boundingBox()
  if (!box) throw new Error('the card to drag is not on screen')
  const start = { x: box.x + box.width / 2, y: box.y + 20 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 4, start.y + 4, { steps: 2 })
  await page.mouse.move(to.x, to.y, { steps: 25 })
  await page.mouse.up()
}

/** A point in a column's card list, `dy` px below its top (near the top: the first slot). */
export async function pointInColumn(page: Page, stageId: string, dy = 20) {
  const box = await column(page, stageId).locator('.column__scroller').boundingBox()
  if (!box) throw new Error(`column ${stageId} is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + dy }
}
