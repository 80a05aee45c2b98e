import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, newPage, signIn } from './browser'
import { ADMIN_PAGES, openPage } from './pages'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const PHONE = { width: 390, height: 844 }

/** How far the page itself scrolls sideways (0 when it fits; wide parts scroll inside). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - innerWidth)

/** The controls of a box that a finger cannot hit: smaller than 44 × 44 px. */
const smallTargets = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(
        ({ el, box }) =>
          `${el.textContent?.trim() || el.getAttribute('aria-label')}: ${box.width}×${box.height}`,
      ),
  )

describe('on a 390 px phone', () => {
  it('no page scrolls sideways', async () => {
    const { context, page } = await newPage(browser, PHONE)
    await page.goto('/login')
    await page.locator('.signin__submit').waitFor()
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
    await signIn(page, 'admin@demo.local')
    const wide: string[] = []
    for (const target of ADMIN_PAGES) {
      await openPage(page, target)
      const extra = await sidewaysScroll(page)
      if (extra > 0) wide.push(`${target.path}: ${extra} px too wide`)
    }
    expect(wide).toEqual([])
    await context.close()
  })

  it('keeps the language switch, the inbox and Sign out within reach of a finger', async () => {
    const { context, page } = await newPage(browser, PHONE)
    await signIn(page, 'member@demo.local')
    const header = '.topbar button, .topbar a'
    expect(await smallTargets(page, header)).toEqual([])
    for (const name of ['EN', 'RU'])
      await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true)

    await page.locator('.inbox__bell').click()
    await page.locator('.inbox__panel').waitFor()
    const panel = await page.locator('.inbox__panel').boundingBox()
    expect(panel && panel.x >= 0 && panel.x + panel.width <= PHONE.width).toBe(true)
    await page.keyboard.press('Escape')

    await page.locator('.user-menu__button').click()
    const signOut = page.getByRole('menuitem', { name: 'Выйти' })
    const box = await signOut.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 44).toBe(true)
    await signOut.click()
    await page.waitForURL(/\/login/)
    await context.close()
  })
})
