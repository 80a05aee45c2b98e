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

describe('the interface language', () => {
  it('switches to English, which is fetched on the switch, and opens in English next time', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const nav = page.locator('nav.main-nav')
    await nav.getByText('Доска', { exact: true }).waitFor()
    const english = page.waitForResponse((r) => /\/assets\/en-[\w-]+\.js$/.test(r.url()))
    await page.getByRole('button', { name: 'EN', exact: true }).click()
    expect((await english).status()).toBe(200)
    await nav.getByText('Board', { exact: true }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    // The saved choice: the first render already speaks English, no Russian in between.
    const firstHeading = page.waitForFunction(() => document.querySelector('nav.main-nav') !== null)
    await page.reload()
    await firstHeading
    await expect(nav.getByText('Board', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(nav.getByText('Доска', { exact: true }).count()).resolves.toBe(0)

    await page.getByRole('button', { name: 'RU', exact: true }).click()
    await nav.getByText('Доска', { exact: true }).waitFor()
    await context.close()
  })
})
