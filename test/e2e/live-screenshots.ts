/**
 * Screenshots of the live board as a lead sees it while others work: presence avatars, a card
 * someone else is dragging, and the "paused — reconnecting" banner, at 1440×900 and 390×844.
 * Not a test: run it against a served app with the demo data,
 *   npx tsx test/e2e/live-screenshots.ts [baseUrl] [outDir]
 * (defaults: http://localhost:8787 and test-results/screenshots); UI_LANG=en for English.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const baseURL = process.argv[2] ?? 'http://localhost:8787'
const out = process.argv[3] ?? 'test-results/screenshots'
const lang = process.env.UI_LANG ?? 'ru'
const sizes = {
  laptop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
}

async function signedIn(
  browser: Browser,
  email: string,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ viewport, baseURL, deviceScaleFactor: 1 })
  await context.addInitScript((l) => {
    type Storage = { setItem: (key: string, value: string) => void }
    const { localStorage } = globalThis as unknown as { localStorage: Storage }
    localStorage.setItem('journey-board.locale', l)
  }, lang)
  const page = await context.newPage()
  await page.goto('/login')
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill('demo-board-2026')
  await page.locator('.signin__submit').click()
  await page.locator('.card-slot').first().waitFor()
  return { context, page }
}

mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
})
try {
  for (const [name, viewport] of Object.entries(sizes)) {
    const lead = await signedIn(browser, 'lead@demo.local', viewport)
    const member = await signedIn(browser, 'member@demo.local', sizes.laptop)
    const admin = await signedIn(browser, 'admin@demo.local', sizes.laptop)
    await lead.page.locator('.live-presence li').nth(1).waitFor()
    // The member holds the top card of the first column, mid-drag.
    const slot = member.page.locator('.card-slot').first()
    const box = await slot.boundingBox()
    if (box) {
      await member.page.mouse.move(box.x + 60, box.y + 30)
      await member.page.mouse.down()
      await member.page.mouse.move(box.x + 90, box.y + 60, { steps: 5 })
      await lead.page.locator('.card-slot__dragging').waitFor()
    }
    await lead.page.screenshot({ path: join(out, `live-${lang}-${name}-presence.png`) })
    await member.page.mouse.up()
    await lead.context.setOffline(true)
    await lead.page.locator('.live-banner').waitFor()
    await lead.page.screenshot({ path: join(out, `live-${lang}-${name}-paused.png`) })
    for (const c of [lead, member, admin]) await c.context.close()
  }
} finally {
  await browser.close()
}
console.log(`screenshots in ${out}`)
