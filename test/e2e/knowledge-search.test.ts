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

describe('knowledge search', () => {
  it('finds «договор» from «договорами», and offers English when Russian finds nothing', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.goto(`/kb?q=${encodeURIComponent('договорами')}`)
    await page.locator('.kb-item mark').first().waitFor()
    expect(await page.locator('.kb-item').count()).toBeGreaterThan(0)

    await page.goto('/kb?q=handoff')
    const offer = page.getByRole('button', { name: /На английском нашлось/ })
    await offer.click()
    await page.waitForURL(/lang=en/)
    await page
      .locator('.kb-item', { hasText: /handoff/i })
      .first()
      .waitFor()
    await context.close()
  })
})
