import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const REPORTS = ['flow', 'time-in-stage', 'sla', 'funnel', 'accounts', 'forecast']

/** A CSV as a spreadsheet reads it: quoted cells may hold the separator or doubled quotes. */
function parseCsv(text: string, sep: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => {
      const cells: string[] = []
      for (const m of line.matchAll(new RegExp(`("(?:[^"]|"")*"|[^${sep}]*)(?:${sep}|$)`, 'g'))) {
        if (m.index === line.length && cells.length > 0 && !line.endsWith(sep)) break
        const raw = m[1] ?? ''
        cells.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw)
        if (m.index + m[0].length >= line.length && !line.endsWith(sep)) break
      }
      return cells
    })
}

async function openReports(page: Page) {
  await page.goto('/reports')
  for (const name of REPORTS) {
    await page.locator(`#report-${name} [data-chart] canvas`).first().waitFor({ timeout: 30_000 })
  }
}

describe('the reports page', () => {
  it('draws every chart from the demo history and each CSV holds its table', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await openReports(page)
    // With no period chosen, the date fields show the one shown: the last 90 days.
    const dates = page.locator('.report-filters input[type="date"]')
    const [from, to] = [await dates.nth(0).inputValue(), await dates.nth(1).inputValue()]
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(89)
    // The funnel is a cohort: no step loses a negative share.
    const funnel = await (await page.request.get('/api/reports/funnel')).json()
    for (const step of funnel.steps) expect(step.dropOff ?? 0).toBeGreaterThanOrEqual(0)
    for (const name of REPORTS) {
      const section = page.locator(`#report-${name}`)
      const links = section.locator('[data-csv]')
      const tables = section.locator('table[data-table]')
      expect(await tables.count()).toBe(await links.count())
      for (let i = 0; i < (await links.count()); i += 1) {
        const href = await links.nth(i).getAttribute('href')
        const res = await page.request.get(href ?? '')
        expect(res.status()).toBe(200)
        const body = await res.body()
        expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
        const csv = parseCsv(body.toString('utf8'), ';')
        const table = await tables
          .nth(i)
          .evaluate((t) =>
            Array.from(t.querySelectorAll('tr')).map((tr) =>
              Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent ?? ''),
            ),
          )
        expect(csv, `${name} table ${i}`).toEqual(table)
      }
    }
    // The KPI chart is drawn, and the money table under it holds the demo's real numbers.
    await page.locator('#report-accounts [data-chart="kpi"] canvas').waitFor()
    const money = page.locator('#report-accounts table[data-table]').nth(1)
    const perHour = await money.evaluate((t) => {
      const heads = Array.from(t.querySelectorAll('thead th')).map((h) => h.textContent ?? '')
      const col = heads.findIndex((h) => h.startsWith('Маржа на час') || h.startsWith('Margin per'))
      return Array.from(t.querySelectorAll('tbody tr')).map(
        (tr) => tr.querySelectorAll('td, th')[col]?.textContent ?? '',
      )
    })
    expect(
      perHour.filter((x) => Number(x.replace(/\s/g, '').replace(',', '.')) > 0).length,
    ).toBeGreaterThan(1)
    await page.screenshot({ path: 'test-results/screenshots/reports-1440.png' })
    await page.screenshot({
      path: 'test-results/screenshots/reports-1440-full.png',
      fullPage: true,
    })
    // The flow has six months of demo history behind it, not a line of zeroes.
    const flowRows = await page.locator('#report-flow table[data-table] tbody tr').count()
    expect(flowRows).toBeGreaterThan(80)
    await context.close()
  })

  it('moves the forecast with the what-if and keeps a member to their own reports', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await openReports(page)
    const capacity = async () =>
      (await page
        .locator('#report-forecast table[data-table]')
        .first()
        .locator('tbody tr td')
        .nth(3)
        .textContent()) ?? ''
    const before = Number(await capacity())
    await page.locator('#report-forecast select').selectOption('senior')
    await expect.poll(async () => Number(await capacity())).toBe(before + 16)
    expect(page.url()).toContain('addGrade=senior')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator('#report-forecast').scrollIntoViewIfNeeded()
    await page.waitForTimeout(500)
    await page.screenshot({ path: 'test-results/screenshots/reports-390-forecast.png' })
    await context.close()

    const member = await newPage(browser, { width: 390, height: 844 })
    await signIn(member.page, 'member@demo.local')
    await member.page.goto('/reports')
    await member.page.locator('#report-time-in-stage [data-chart] canvas').waitFor()
    // A member sees their own flow, funnel and book; the forecast is for leads.
    await member.page.locator('#report-flow [data-chart] canvas').waitFor()
    await member.page.locator('#report-accounts [data-chart="kpi"] canvas').waitFor()
    expect(await member.page.locator('#report-forecast').count()).toBe(0)
    await member.page.screenshot({ path: 'test-results/screenshots/reports-390-member.png' })
    await member.context.close()
  })
})
