/**
 * The board page in headless Chromium (Debian's, never a downloaded one): time to the first card
 * on screen and to interactive from navigation start, each load in a fresh context (cold cache),
 * then requestAnimationFrame deltas while a card is dragged with the mouse across the board.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { DEMO_PASSWORD } from './http'
import { summarize, type Summary } from './stats'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Interactive: the first card is up and the main thread has had no long task for this long. */
const QUIET_MS = 1000

export interface PageResult {
  loads: number
  firstCard: Summary
  interactive: Summary
  clientsResponseEnd: Summary
  longTasksMax: number
  drag: Summary & { frames: number; over34ms: number; drops: number[] }
}

/** What page-probe.js keeps in the page. */
interface Probe {
  firstCard: number | null
  longTasks: [number, number][]
  startFrames: () => void
  stopFrames: () => number[]
}

/**
 * The page's globals. In-page code is passed as self-contained functions (serialised, so no
 * closures): the board's CSP rightly refuses string evaluation.
 */
type Win = typeof globalThis & { __bench: Probe }

async function load(browser: Browser, url: string, state: string | undefined) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
    storageState: state === undefined ? undefined : JSON.parse(state),
  })
  await context.addInitScript({ path: join(import.meta.dirname, 'page-probe.js') })
  const page = await context.newPage()
  return { context, page, url }
}

async function signIn(browser: Browser, url: string, email: string): Promise<string> {
  const { context, page } = await load(browser, url, undefined)
  await page.goto(`${url}/login`)
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('.signin__submit').click()
  await page.locator('.card-slot').first().waitFor({ timeout: 60_000 })
  const state = JSON.stringify(await context.storageState())
  await context.close()
  return state
}

/** One cold load: ms from navigation start to the first card painted, and to interactive. */
async function timeLoad(page: Page, url: string) {
  await page.goto(`${url}/`, { waitUntil: 'commit' })
  await page.waitForFunction(() => (globalThis as Win).__bench?.firstCard != null, null, {
    timeout: 60_000,
  })
  const lastBlockEnd = () =>
    page.evaluate(() =>
      Math.max(0, ...(globalThis as Win).__bench.longTasks.map(([start, d]) => start + d)),
    )
  for (let waited = 0; waited < 20_000; waited += 100) {
    const now = await page.evaluate(() => performance.now())
    if (now - (await lastBlockEnd()) > QUIET_MS) break
    await page.waitForTimeout(100)
  }
  const firstCard = (await page.evaluate(() => (globalThis as Win).__bench.firstCard)) ?? Number.NaN
  return {
    firstCard,
    interactive: Math.max(firstCard, await lastBlockEnd()),
    clientsEnd: await page.evaluate(() => {
      const timing = performance as unknown as {
        getEntriesByType: (type: string) => { name: string; responseEnd: number }[]
      }
      const entry = timing.getEntriesByType('resource').find((e) => e.name.includes('/api/board?'))
      return entry?.responseEnd ?? 0
    }),
    longest: await page.evaluate(() =>
      Math.max(0, ...(globalThis as Win).__bench.longTasks.map(([, d]) => d)),
    ),
  }
}

/** Drags a card from the first column three columns right, in 25 mouse moves ~16 ms apart. */
async function drag(page: Page) {
  const card = await page.locator('.card-slot').first().boundingBox()
  const target = await page.locator('.column__scroller').nth(3).boundingBox()
  if (!card || !target) throw new Error('no card or column on screen to drag between')
  const from = { x: card.x + card.width / 2, y: card.y + Math.min(20, card.height / 2) }
  const to = { x: target.x + target.width / 2, y: target.y + 40 }
  await page.evaluate(() => (globalThis as Win).__bench.startFrames())
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 8, from.y + 8)
  for (let i = 1; i <= 25; i += 1) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 25, from.y + ((to.y - from.y) * i) / 25)
    await page.waitForTimeout(16)
  }
  const moved = page.waitForResponse((r) => r.url().includes('/move'), { timeout: 10_000 })
  await page.mouse.up()
  const status = await moved.then((r) => r.status()).catch(() => 0)
  await page.waitForTimeout(100)
  return { frames: await page.evaluate(() => (globalThis as Win).__bench.stopFrames()), status }
}

export async function boardPage(
  url: string,
  email: string,
  loads: number,
  drags: number,
): Promise<PageResult | { skipped: string }> {
  if (!existsSync(CHROMIUM))
    return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium)` }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  })
  try {
    const state = await signIn(browser, url, email)
    const runs: Awaited<ReturnType<typeof timeLoad>>[] = []
    const frames: number[] = []
    const drops: number[] = []
    for (let i = 0; i < loads; i += 1) {
      const { context, page } = await load(browser, url, state)
      runs.push(await timeLoad(page, url))
      for (let d = 0; i === loads - 1 && d < drags; d += 1) {
        const dragged = await drag(page)
        frames.push(...dragged.frames)
        drops.push(dragged.status)
      }
      await context.close()
    }
    return {
      loads,
      firstCard: summarize(runs.map((r) => r.firstCard)),
      interactive: summarize(runs.map((r) => r.interactive)),
      clientsResponseEnd: summarize(runs.map((r) => r.clientsEnd)),
      longTasksMax: Math.max(...runs.map((r) => r.longest)),
      drag: {
        ...summarize(frames),
        frames: frames.length,
        over34ms: frames.filter((f) => f > 34).length,
        drops,
      },
    }
  } finally {
    await browser.close()
  }
}
