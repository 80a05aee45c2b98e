import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { clientNow } from './board-data'
import { api, cardSlot, column, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const ASSIGN_STAGE = 'account-manager-assigned'

type Suggestions = {
  candidates: { memberId: string; name: string; utilizationAfter: number }[]
  excluded: { memberId: string }[]
}

/**
 * A fresh client (tier B, so middles and up may take it) with the given people — by default
 * nobody; deliberate picks carry a reason.
 */
async function newClient(
  page: Page,
  stageId: string,
  name: string,
  people: Record<string, string> = {},
): Promise<Client> {
  const created = await api<Client>(page, 'POST', '/clients', {
    name,
    company: 'ООО «Назначение»',
    tier: 'B',
    score: 64,
    stageId,
    ...(Object.keys(people).length > 0 ? { people, reason: 'E2E setup' } : {}),
  })
  expect(created.status).toBe(201)
  return created.body
}

describe('grade-aware assignment', () => {
  it('lets a lead assign the top suggestion in one click from the card drawer', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    const client = await newClient(page, ASSIGN_STAGE, 'E2E Назначение')
    const expected = await api<Suggestions>(page, 'POST', '/assignments/suggest', {
      clientId: client.id,
      roleId: 'account_manager',
    })
    const [top] = expected.body.candidates
    if (!top) throw new Error('the lead has nobody to suggest')

    await page.goto(`/?card=${client.id}`)
    const drawer = page.getByRole('dialog', { name: client.name })
    await drawer.getByRole('tab', { name: 'Команда' }).click()
    const row = drawer.locator('.people__row[data-role-id="account_manager"]')
    await row.getByRole('button', { name: 'Назначить' }).click()

    const dialog = page.getByRole('dialog', { name: 'Назначение', exact: true })
    await expect(
      dialog
        .getByRole('button', { name: 'Аккаунт-менеджер', exact: true })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true')
    await dialog.locator('.candidate').first().waitFor()
    // Ranked as the server ranks them: lowest utilisation after the assignment first.
    const shown = await dialog
      .locator('.candidate')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-member-id')))
    expect(shown).toEqual(expected.body.candidates.map((c) => c.memberId))
    const after = expected.body.candidates.map((c) => c.utilizationAfter)
    expect(after).toEqual([...after].sort((a, b) => a - b))
    await expect(
      dialog.locator('.candidate--best .candidate__name').textContent(),
    ).resolves.toContain(top.name)
    // Everyone else needs a reason; the left-out members are there, collapsed.
    await expect(
      dialog
        .locator('.candidate:not(.candidate--best) .candidate__action .button')
        .first()
        .textContent(),
    ).resolves.toBe('Выбрать')
    if (expected.body.excluded.length > 0) {
      await expect(dialog.locator('.excluded').getAttribute('open')).resolves.toBeNull()
    }

    const assigned = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/clients/${client.id}/people/account_manager`) &&
        r.request().method() === 'PUT',
    )
    await dialog.locator('.candidate--best').getByRole('button', { name: 'Назначить' }).click()
    const response = await assigned
    expect(response.status()).toBe(200)
    expect(response.request().postDataJSON()).toEqual({
      memberId: top.memberId,
      version: client.version,
    })
    await dialog.waitFor({ state: 'hidden' })

    // The drawer shows the new account manager at once, and the history says so.
    const person = row.locator('.people__person')
    await expect.poll(() => person.getAttribute('data-member-id')).toBe(top.memberId)
    await drawer.getByRole('tab', { name: 'История' }).click()
    await drawer.locator('.timeline__item--assigned').first().waitFor()
    expect((await clientNow(page, client.id)).people.account_manager).toBe(top.memberId)
    // At this stage the account manager talks to the client.
    expect((await clientNow(page, client.id)).acting.communicator).toBe(top.memberId)
    await context.close()
  })

  it('does not offer a member the assign action', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const client = await newClient(page, ASSIGN_STAGE, 'E2E Без назначения')
    await page.goto(`/?card=${client.id}`)
    const drawer = page.getByRole('dialog', { name: client.name })
    await drawer.getByRole('tab', { name: 'Команда' }).click()
    await drawer.locator('.people__row').first().waitFor()
    await expect(drawer.locator('.people__change').count()).resolves.toBe(0)
    await expect(drawer.locator('.people__clear').count()).resolves.toBe(0)
    await context.close()
  })

  it('opens the suggestions when a lead drops a card without an account manager into the stage', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local', '/?phase=onboarding')
    // The lead owns "Account manager assigned"; its account manager is the missing one.
    const client = await newClient(page, 'kickoff', 'E2E Перетаскивание', { team_lead: 'm-02' })
    await page.reload()
    await cardSlot(page, client.id).focus()
    await page.keyboard.press('Space')
    await page.locator('.drag-overlay').waitFor()
    await page.keyboard.press('ArrowLeft')
    await column(page, ASSIGN_STAGE).locator('.drop-indicator').waitFor()
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${client.id}/move`))
    await page.keyboard.press('Space')
    expect((await moved).status()).toBe(200)

    const dialog = page.getByRole('dialog', { name: 'Назначение', exact: true })
    await dialog.locator('.candidate').first().waitFor()
    await expect(
      dialog
        .getByRole('button', { name: 'Аккаунт-менеджер', exact: true })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await column(page, ASSIGN_STAGE).locator(`[data-client-id="${client.id}"]`).waitFor()
    await context.close()
  })

  it('tells a member the lead will assign the account manager instead', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local', '/?phase=onboarding')
    const client = await newClient(page, 'kickoff', 'E2E Ждёт аккаунта')
    await page.reload()
    await cardSlot(page, client.id).focus()
    await page.keyboard.press('Space')
    await page.locator('.drag-overlay').waitFor()
    await page.keyboard.press('ArrowLeft')
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/clients/${client.id}/move`))
    await page.keyboard.press('Space')
    expect((await moved).status()).toBe(200)
    await page.locator('.toast', { hasText: 'его назначит руководитель' }).waitFor()
    await expect(page.locator('dialog.assign').count()).resolves.toBe(0)
    await context.close()
  })
})

describe('the team view', () => {
  it('shows everyone by lead and grade, with load bars, in the header navigation', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('link', { name: 'Команда' })
      .click()
    await page.waitForURL(/\/team$/)
    const head = page.locator('.team-group[data-lead-id="m-01"]')
    await head.locator('.team-table__grade').first().waitFor()
    await expect(page.locator('.team-row[data-member-id="m-04"] .util').count()).resolves.toBe(1)
    // Members neither manage absences nor see the rebalance proposals.
    await expect(page.locator('.team-table__actions button').count()).resolves.toBe(0)
    await expect(page.locator('.rebalance').count()).resolves.toBe(0)
    await context.close()
  })

  it('lets a lead record an absence for someone in their team, and remove it', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await page.getByRole('link', { name: 'Команда' }).click()
    await page.locator('.rebalance').waitFor()
    const row = page.locator('.team-row[data-member-id="m-09"]')
    await row.getByRole('button', { name: /Отсутствия/ }).click()
    const editor = page.locator('.absences')
    await editor.getByLabel('С', { exact: true }).fill('2030-01-14')
    await editor.getByLabel('По (включительно)').fill('2030-01-18')
    await editor.getByLabel('Причина').fill('Отпуск')
    const added = page.waitForResponse(
      (r) => r.url().endsWith('/api/members/m-09/absences') && r.request().method() === 'POST',
    )
    await editor.getByRole('button', { name: 'Добавить' }).click()
    expect((await added).status()).toBe(201)
    await editor.locator('.absences__item', { hasText: 'Отпуск' }).waitFor()
    await row.locator('.team-row__absence', { hasText: 'Отпуск' }).waitFor()

    await editor.locator('.absences__item', { hasText: 'Отпуск' }).getByRole('button').click()
    await editor.locator('.absences__empty').waitFor()
    await context.close()
  })
})
