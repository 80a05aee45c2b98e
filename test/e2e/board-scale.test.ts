import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { boardCardOf, memberRefs } from '../../shared/board-card'
import { api, cardSlot, column, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const CARDS = 5000

describe('a board of 5,000 cards', () => {
  it('renders only the cards in view and still moves a card with the keyboard', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const { body } = await api<{ clients: Client[] }>(page, 'GET', '/clients')
    const seeded = body.clients
    // The seeded cards copied up to 5,000, a third of them piled into the first stage.
    const many: Client[] = Array.from({ length: CARDS }, (_, i) => {
      const source = seeded[i % seeded.length] as Client
      const stageId = i % 3 === 0 ? 'inbound-lead' : source.stageId
      return { ...source, id: `bulk-${i}`, stageId, position: `b${String(i).padStart(5, '0')}` }
    })
    // The board's API by column: the first 50 of each column with counts, then pages of 50
    // (`/api/board` bare when no filter is set, `/api/board?…` with filters).
    const stageIds = [...new Set(seeded.map((c) => c.stageId)), 'inbound-lead']
    const pageOf = (stageId: string, after: string | null) => {
      const cards = many.filter((c) => c.stageId === stageId)
      const from = after === null ? 0 : cards.findIndex((c) => c.id === after) + 1
      const slice = cards.slice(from, from + 50)
      const next = from + 50 < cards.length ? (slice.at(-1)?.id ?? null) : null
      return { cards: slice, next, total: cards.length }
    }
    // In the answer's own short form: cards as arrays, acting members named once.
    const members = memberRefs()
    const short = (cards: Client[]) => cards.map((c) => boardCardOf(c, members))
    await page.route('**/api/board*', (route) => {
      const columns = stageIds.map((stageId) => {
        const first = pageOf(stageId, null)
        const cards = short(first.cards)
        return { stageId, total: first.total, count: first.total, cards, next: first.next }
      })
      return route.fulfill({ json: { members: members.ids, columns } })
    })
    await page.route('**/api/board/columns/**', (route) => {
      const url = new URL(route.request().url())
      const stageId = decodeURIComponent(url.pathname.split('/').at(-1) ?? '')
      const { cards, next } = pageOf(stageId, url.searchParams.get('after'))
      return route.fulfill({ json: { stageId, members: members.ids, cards: short(cards), next } })
    })
    // Moves of the copies are answered as if the server agreed.
    await page.route('**/api/clients/*/move', async (route) => {
      const move = route.request().postDataJSON() as { stageId: string; version: number }
      const id = new URL(route.request().url()).pathname.split('/')[3] ?? ''
      const card = many.find((c) => c.id === id)
      await route.fulfill({ json: { ...card, stageId: move.stageId, version: move.version + 1 } })
    })

    const started = Date.now()
    await page.reload()
    await column(page, 'inbound-lead').locator('.card-slot').first().waitFor()
    const loadMs = Date.now() - started
    const rendered = await page.locator('.card-slot').count()
    const inFirst = await column(page, 'inbound-lead').locator('.count').textContent()
    console.log(`5,000 cards: board ready in ${loadMs} ms, ${rendered} cards in the DOM`)
    const piled = many.filter((c) => c.stageId === 'inbound-lead').length
    expect(Number(inFirst?.replace(/\D/g, ''))).toBe(piled)
    expect(rendered).toBeLessThan(400)

    // Deep in a long column: its pages come in as it nears its end, rendered on scroll.
    const scroller = column(page, 'inbound-lead').locator('.column__scroller')
    const last = cardSlot(page, 'bulk-4998')
    for (let i = 0; i < 80 && (await last.count()) === 0; i += 1) {
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page.waitForTimeout(50)
    }
    await last.waitFor()

    await scroller.evaluate((el) => el.scrollTo(0, 0))
    await cardSlot(page, 'bulk-0').focus()
    await page.keyboard.press('Space')
    await page.locator('.drag-overlay').waitFor()
    const stepStarted = Date.now()
    await page.keyboard.press('ArrowRight')
    await page.locator('.drop-indicator').waitFor()
    const stepMs = Date.now() - stepStarted
    const moved = page.waitForResponse((r) => r.url().endsWith('/api/clients/bulk-0/move'))
    await page.keyboard.press('Space')
    expect((await moved).status()).toBe(200)
    const target = await page
      .locator('.column:has([data-client-id="bulk-0"])')
      .getAttribute('data-stage-id')
    expect(target).not.toBe('inbound-lead')
    console.log(`5,000 cards: one keyboard step took ${stepMs} ms end to end`)

    // A mouse drag across three columns, watching for frames the main thread blocked.
    await page.evaluate(() => {
      const w = globalThis as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list: { getEntries(): { duration: number }[] }) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration)
      }).observe({ type: 'longtask' })
    })
    const from = await cardSlot(page, 'bulk-3').boundingBox()
    const to = await column(page, 'first-call').boundingBox()
    if (!from || !to) throw new Error('cards not on screen')
    await page.mouse.move(from.x + 40, from.y + 20)
    await page.mouse.down()
    await page.mouse.move(to.x + 60, to.y + 300, { steps: 40 })
    await page.mouse.up()
    const longTasks = await page.evaluate(
      () => (globalThis as unknown as { longTasks: number[] }).longTasks,
    )
    console.log(
      `5,000 cards: mouse drag, long tasks (ms): [${longTasks.map(Math.round).join(', ')}]`,
    )
    expect(Math.max(0, ...longTasks)).toBeLessThan(250)
    await context.close()
  })
})
