import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, baseUrl, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

type Inbox = { notifications: { kind: string; clientId: string | null; title: string }[] }

describe('the demo organisation', () => {
  it('comes with its late cards already flagged and announced, as the sweep would leave them', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    const alerts = async () =>
      (await api<Inbox>(page, 'GET', '/notifications')).body.notifications.filter(
        (n) => n.kind === 'overdue' && n.clientId?.startsWith('c-'),
      )
    const before = await alerts()
    expect(before.length).toBeGreaterThan(0)
    // Typeset as the sweep writes it: the company's own quotes nested inside the alert's.
    expect(before[0]?.title).toMatch(/^«[^«»]+» (просрочен|на этапе)/)

    const res = await fetch(`${baseUrl()}/__scheduled?cron=*/5+*+*+*+*`)
    expect(res.ok).toBe(true)
    // The run finishes in the background: give it time, then nothing new may have arrived.
    await page.waitForTimeout(3000)
    expect((await alerts()).length).toBe(before.length)
    await context.close()
  })
})
