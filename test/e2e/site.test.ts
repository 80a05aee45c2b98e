import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

describe('the site', () => {
  it('ships a real favicon, not the app page', async () => {
    const res = await fetch(`${baseUrl()}/favicon.ico`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\//)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0])
  })

  it('tells a member why /settings took them to the board', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.goto('/settings')
    await page.waitForURL((url) => url.pathname === '/')
    await page.locator('.toast', { hasText: 'только администраторам' }).waitFor()
    await context.close()
  })
})
