import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Client } from '../../schema/clients'
import type { Flag } from '../../schema/flags'
import { api, baseUrl, cardSlot, column, launch, newPage, signIn } from './browser'

let browser: Browser
const shots = join('test-results', 'screenshots')

beforeAll(async () => {
  browser = await launch()
  mkdirSync(shots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

/** Runs one cron trigger of the served Worker (wrangler dev --test-scheduled). */
async function runCron(cron: string) {
  const res = await fetch(`${baseUrl()}/__scheduled?cron=${cron.replaceAll(' ', '+')}`)
  expect(res.ok).toBe(true)
}

/**
 * Moves a flag's clock on: its SLA deadline is set a minute into the past in the served D1, as
 * if its working days had gone by (the served Worker's clock cannot be moved).
 */
function passDeadline(flagId: string) {
  const sql = `UPDATE client_flags SET due_at = ${Date.now() - 60_000} WHERE id = '${flagId}'`
  execFileSync(
    join('node_modules', '.bin', 'wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', inject('d1State'), '--command', sql],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

type Me = { memberId: string | null }
type Members = { members: { id: string; managerId: string | null }[] }
type Inbox = { notifications: { kind: string; clientId: string | null; title: string }[] }

describe("the client's record", () => {
  it("shows a raised flag on the card and, once overdue, in the lead's inbox", async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    // A card whose account manager reports to this lead, with no incident (flags go on any stage).
    const me = (await api<{ user: Me }>(page, 'GET', '/auth/me')).body.user
    const team = (await api<Members>(page, 'GET', '/members')).body.members
      .filter((m) => m.managerId === me.memberId)
      .map((m) => m.id)
    const list = (await api<{ clients: Client[] }>(page, 'GET', '/clients')).body.clients
    const card = list.find(
      (c) =>
        team.includes(c.people.account_manager ?? '') &&
        !c.flags.some((f) => f.kind === 'incident'),
    )
    if (!card) throw new Error("no card of this lead's team")
    // Columns out of the board's view draw no cards: bring the card's column into view.
    const showColumn = () =>
      column(page, card.stageId).evaluate((el) => el.scrollIntoView({ inline: 'center' }))

    await page.goto(`/?card=${card.id}`)
    const section = page.locator('[data-section="flags"]')
    await section.waitFor()
    await section.getByLabel('Флаг').selectOption('incident')
    await section.getByLabel('Что происходит').fill('Не проходят выгрузки')
    const raised = page.waitForResponse(
      (r) => r.url().endsWith(`/clients/${card.id}/flags`) && r.request().method() === 'POST',
    )
    await section.getByRole('button', { name: 'Поднять флаг' }).click()
    const flag = (await (await raised).json()) as Flag
    expect(flag.ownerId).toBe(card.people.account_manager)
    await section.locator(`[data-flag-id="${flag.id}"]`).waitFor()
    await page.screenshot({ path: join(shots, 'record-drawer-1440.png') })
    await page.keyboard.press('Escape')
    await showColumn()

    const badge = cardSlot(page, card.id).locator('[data-flag="incident"]')
    await badge.waitFor()
    await expect(badge.getAttribute('data-flag-level')).resolves.toBe('0')

    // Its working days go by; the sweep marks it and tells the owner and the lead.
    passDeadline(flag.id)
    await runCron('*/5 * * * *')
    const inbox = (await api<Inbox>(page, 'GET', '/notifications')).body
    expect(
      inbox.notifications.filter((n) => n.kind === 'flag_overdue' && n.clientId === card.id),
    ).toHaveLength(1)
    await page.reload()
    await page.locator('.column').first().waitFor()
    await showColumn()
    await cardSlot(page, card.id).locator('[data-flag="incident"][data-flag-level="1"]').waitFor()
    await page.locator('.inbox__bell').click()
    const item = page.locator(`.inbox__panel .inbox-item[data-kind="flag_overdue"]`, {
      hasText: card.company,
    })
    await item.waitFor()
    await page.screenshot({ path: join(shots, 'record-inbox-1440.png') })
    await context.close()
  }, 180_000)

  it('rates a key account in the drawer, badges the card and filters the board by quadrant', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const list = (await api<{ clients: Client[] }>(page, 'GET', '/clients')).body.clients
    const card = list.find((c) => c.tier === 'A' && c.kam === null)
    if (!card) throw new Error('no unrated key account')
    await page.goto(`/?card=${card.id}`)
    const section = page.locator('[data-section="kam"]')
    await section.waitFor()
    await section
      .getByRole('radiogroup', { name: 'Привлекательность для нас' })
      .getByRole('radio', { name: '5' })
      .click()
    await section
      .getByRole('radiogroup', { name: 'Сила наших отношений' })
      .getByRole('radio', { name: '2' })
      .click()
    await section.locator('[data-field="attractivenessNote"]').fill('Бюджет растёт')
    await section.locator('[data-field="relationshipNote"]').fill('Знаем только закупщика')
    await section.locator('.kam__preview', { hasText: 'Звезда' }).waitFor()
    await section.getByRole('button', { name: 'Сохранить оценку' }).click()
    await section.locator('.kam__current', { hasText: 'Звезда' }).waitFor()
    await section.evaluate((el) => el.scrollIntoView())
    await page.screenshot({ path: join(shots, 'record-kam-1440.png') })
    await page.keyboard.press('Escape')

    await page.goto('/?kam=star')
    await page.locator('.column').first().waitFor()
    await column(page, card.stageId).evaluate((el) => el.scrollIntoView({ inline: 'center' }))
    await page.locator(`[data-client-id="${card.id}"] [data-kam="star"]`).waitFor()
    const shown = await page
      .locator('.card[data-client-id]')
      .evaluateAll((els) =>
        els.map((el) => el.querySelector('[data-kam]')?.getAttribute('data-kam') ?? null),
      )
    expect(shown.length).toBeGreaterThan(0)
    expect(new Set(shown)).toEqual(new Set(['star']))
    await page.screenshot({ path: join(shots, 'record-board-1440.png') })
    await context.close()

    // The same on a phone: the filtered board and the drawer's record sections.
    const phone = await newPage(browser, { width: 390, height: 844 })
    await signIn(phone.page, 'member@demo.local', '/?kam=star')
    await phone.page.screenshot({ path: join(shots, 'record-board-390.png') })
    await phone.page.goto(`/?card=${card.id}`)
    const flags = phone.page.locator('[data-section="flags"]')
    await flags.waitFor()
    await flags.evaluate((el) => el.scrollIntoView())
    await phone.page.screenshot({ path: join(shots, 'record-flags-390.png') })
    await phone.context.close()
  }, 180_000)
})
