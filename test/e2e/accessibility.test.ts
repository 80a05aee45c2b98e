import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, launch, signIn } from './browser'
import { ADMIN_PAGES, openPage } from './pages'

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] }

/** axe-core's serious and critical findings on the page as it is drawn now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis)))
    await page.addScriptTag({ path: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }
    ).axe
    return (await axe.run()).violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`)
}

/** The findings in the light and then the dark colour scheme (the system setting decides). */
async function inBothSchemes(page: Page, where: string): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    // Colours that ease between schemes (card shadows, hovers) settle first.
    await page.waitForTimeout(250)
    found.push(...(await seriousViolations(page)).map((v) => `${where} (${colorScheme}): ${v}`))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

describe('accessibility (axe-core)', () => {
  it('finds nothing serious or critical on any page, signed in, light or dark', async () => {
    // The page's CSP allows only our own scripts: axe is injected by the test, so it is let in.
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      baseURL: baseUrl(),
      locale: 'ru-RU',
      bypassCSP: true,
    })
    const page = await context.newPage()
    await page.goto('/login')
    await page.locator('.signin__submit').waitFor()
    const found: string[] = await inBothSchemes(page, '/login')
    await signIn(page, 'admin@demo.local')
    for (const target of ADMIN_PAGES) {
      await openPage(page, target)
      found.push(...(await inBothSchemes(page, target.path)))
    }
    expect(found).toEqual([])
    await context.close()
    // Thirteen pages, each loaded and scanned: more than the suite's default minute.
  }, 300_000)
})
