/**
 * Screenshots of the board, the card drawer and the team view at laptop, tablet and phone sizes, for looking at the
 * app as a user would and for the README. Not a test: run it against a served app,
 *   npx tsx test/e2e/take-screenshots.ts [baseUrl] [outDir]
 * (defaults: http://localhost:8787 and test-results/screenshots). EMAIL picks the demo account
 * (member@demo.local), UI_LANG=en the interface language.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const baseURL = process.argv[2] ?? 'http://localhost:8787'
const out = process.argv[3] ?? 'test-results/screenshots'
const sizes = {
  laptop: { width: 1440, height: 900 },
  tablet: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
}

mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
})
try {
  for (const [name, viewport] of Object.entries(sizes)) {
    const context = await browser.newContext({ viewport, baseURL, deviceScaleFactor: 1 })
    const page = await context.newPage()
    const ui = process.env.UI_LANG
    if (ui)
      await page.addInitScript((l) => {
        type Storage = { setItem: (key: string, value: string) => void }
        const { localStorage } = globalThis as unknown as { localStorage: Storage }
        localStorage.setItem('journey-board.locale', l)
      }, ui)
    await page.goto('/login')
    await page.screenshot({ path: join(out, `${name}-signin.png`) })
    await page.locator('input[name=email]').fill(process.env.EMAIL ?? 'member@demo.local')
    await page.locator('input[name=password]').fill('demo-board-2026')
    await page.locator('.signin__submit').click()
    await page.locator('.card-slot').first().waitFor()
    await page.screenshot({ path: join(out, `${name}-board.png`) })
    // Mid-drag: the card under the pointer, the drop line in the column below it.
    const first = await page.locator('.card-slot').first().boundingBox()
    const target = await page.locator('.column__scroller').nth(2).boundingBox()
    if (first && target) {
      await page.mouse.move(first.x + 60, first.y + 30)
      await page.mouse.down()
      await page.mouse.move(target.x + 80, target.y + 150, { steps: 20 })
      await page.screenshot({ path: join(out, `${name}-dragging.png`) })
      await page.keyboard.press('Escape')
      await page.mouse.up()
    }
    // A demo client with a journal, contacts, money and hours (scripts/demo-record.ts).
    await page.goto(`/?card=${process.env.CARD ?? 'c-006'}`)
    await page.locator('#money-title').waitFor()
    await page.locator('.money-figures').waitFor()
    await page.screenshot({ path: join(out, `${name}-drawer.png`) })
    for (const tab of ['journal', 'contacts', 'people', 'tasks', 'history']) {
      await page.locator(`#drawer-tab-${tab}`).click()
      await page.locator('#drawer-panel .drawer__section').first().waitFor()
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(out, `${name}-drawer-${tab}.png`) })
    }
    await page.locator('.record-actions button').nth(2).click()
    await page.locator('.record-dialog').waitFor()
    await page.locator('.record-dialog input[type=radio]').nth(1).check()
    await page.locator('.record-dialog button[type=submit]').click()
    await page.screenshot({ path: join(out, `${name}-drawer-archive.png`) })
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.goto('/?mine=1&phase=onboarding')
    await page.locator('.column').first().waitFor()
    await page.screenshot({ path: join(out, `${name}-filtered.png`) })
    await page.goto('/team')
    await page.locator('.team-row').first().waitFor()
    await page.screenshot({ path: join(out, `${name}-team.png`) })
    await page.goto('/tasks')
    await page.locator('.my-tasks__title').waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(out, `${name}-my-tasks.png`) })
    await context.close()
  }
} finally {
  await browser.close()
}
console.log(`screenshots in ${out}`)
