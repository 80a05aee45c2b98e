import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import { api, column, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const SALES_REP = 'm-06'
const ACCOUNT_MANAGER = 'm-04'

describe('people per role on the board', () => {
  it('puts the card in the account manager’s "my cards" once it crosses the handoff', async () => {
    // The admin walks a client from the sales rep to the account manager, as leads would.
    const admin = await newPage(browser)
    await signIn(admin.page, 'admin@demo.local')
    const created = await api<Client>(admin.page, 'POST', '/clients', {
      name: 'E2E Передача',
      company: 'ООО «Эстафета»',
      tier: 'B',
      stageId: 'handoff',
      people: { sales: SALES_REP },
      reason: 'E2E setup',
    })
    expect(created.status).toBe(201)
    expect(created.body.acting.owner).toBe(SALES_REP)
    const move = async (stageId: string, version: number) => {
      const res = await api<Client>(admin.page, 'POST', `/clients/${created.body.id}/move`, {
        stageId,
        version,
      })
      expect(res.status).toBe(200)
      return res.body
    }
    const assigned = await move('account-manager-assigned', created.body.version)
    const put = await api<Client>(
      admin.page,
      'PUT',
      `/clients/${created.body.id}/people/account_manager`,
      { memberId: ACCOUNT_MANAGER, version: assigned.version, reason: 'E2E setup' },
    )
    expect(put.status).toBe(200)
    const kickoff = await move('kickoff', put.body.version)
    expect(kickoff.acting).toMatchObject({ owner: ACCOUNT_MANAGER, communicator: ACCOUNT_MANAGER })
    await admin.context.close()

    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local', '/?mine=1&phase=onboarding')
    const card = column(page, 'kickoff').locator(`[data-client-id="${created.body.id}"]`)
    await card.waitFor()
    // The card shows its acting owner by name; its empty support slot is not "unstaffed".
    const owner = card.locator('.avatar').first()
    await expect(owner.getAttribute('title')).resolves.toContain('Анна Смирнова')
    await expect(card.locator('.avatar--unstaffed').count()).resolves.toBe(0)
    await context.close()
  })
})
