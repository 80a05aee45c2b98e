import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

/**
 * Records, in the page, how many cards the frame that first shows the board's columns holds
 * (a requestAnimationFrame callback runs just before that frame is painted).
 */
function firstFrameProbe() {
  const w = globalThis as unknown as { firstFrameCards?: number }
  const seen = new MutationObserver(() => {
    if (!document.querySelector('.column')) return
    seen.disconnect()
    requestAnimationFrame(() => {
      w.firstFrameCards = document.querySelectorAll('.card-slot').length
    })
  })
  seen.observe(document, { childList: true, subtree: true })
}

describe('the board on opening', () => {
  it('paints its first frame with the cards of the columns on screen', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.addInitScript(firstFrameProbe)
    await page.reload()
    const cards = await page
      .waitForFunction(() => (globalThis as { firstFrameCards?: number }).firstFrameCards)
      .then((handle) => handle.jsonValue())
    expect(cards).toBeGreaterThan(0)
    await context.close()
  })

  it('draws the columns off screen in idle time, and their cards when scrolled to', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.locator('.card-slot').first().waitFor()
    // Every column gets its roles and SLA line soon after the first frame (idle time: on a busy
    // machine that can take seconds, more than expect.poll's default second).
    await expect
      .poll(
        () =>
          page.evaluate(() => ({
            columns: document.querySelectorAll('.column').length,
            drawn: document.querySelectorAll('.column .column__foot').length,
          })),
        { timeout: 20_000 },
      )
      .toSatisfy(({ columns, drawn }) => columns > 10 && drawn === columns)
    // The last column with cards, scrolled into view, shows them.
    const last = page.locator('.column:has(.count:not(:text-is("0")))').last()
    await last.scrollIntoViewIfNeeded()
    await last.locator('.card-slot').first().waitFor()
    expect(await last.locator('.card-slot').first().isVisible()).toBe(true)
    await context.close()
  })
})
