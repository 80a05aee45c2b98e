import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../shared/csv-read'
import { api, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

/** Windows-1251 bytes, as Russian Excel saves a semicolon CSV. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) ?? 0
      if (code < 0x80) return code
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
      if (ch === 'ё') return 0xb8
      if (ch === '«') return 0xab
      if (ch === '»') return 0xbb
      throw new Error(`no cp1251 byte for ${ch}`)
    }),
  )
}

const ROWS = 600
const BAD_LINE = 102

function crmExport(prefix: string): Buffer {
  const lines = ['ID;Название;Компания;Тир;Скоринг;Этап']
  for (let i = 1; i <= ROWS; i++) {
    const tier = lines.length + 1 === BAD_LINE ? 'Я' : ['A', 'B', 'C'][i % 3]
    lines.push(`${prefix}-${i};Клиент ${i};"ООО «Импорт; ${i}»";${tier};${i % 101};Первый звонок`)
  }
  return cp1251(lines.join('\r\n') + '\r\n')
}

describe('data in and out', () => {
  it('imports a Windows-1251 CSV through the screen, batch by batch, with a progress bar', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await page.getByRole('link', { name: 'Данные' }).click()
    const prefix = `e2e-${Date.now()}`
    await page.locator('input[type=file]').setInputFiles({
      name: 'amo-export.csv',
      mimeType: 'text/csv',
      buffer: crmExport(prefix),
    })
    await expect
      .poll(() => page.getByTestId('import-file-meta').textContent())
      .toContain('Windows-1251')
    await page.getByRole('button', { name: 'Проверить (без записи)' }).click()
    await expect
      .poll(() => page.getByTestId('import-result').textContent())
      .toContain('создано: 599')
    await expect(page.getByTestId('import-errors').textContent()).resolves.toContain(
      `Строка ${BAD_LINE}`,
    )

    await page.getByRole('button', { name: 'Импортировать' }).click()
    const progress = page.getByTestId('import-progress')
    // The bar moves through the batches (250 rows each) before it is full.
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 })
      .toBeGreaterThan(0)
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 })
      .toContain('создано 599')
    expect(await progress.getAttribute('value')).toBe(String(ROWS))
    await page.screenshot({ path: 'test-results/screenshots/data-import-1440.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'test-results/screenshots/data-import-390.png' })

    const listed = await api<{ clients: { name: string }[] }>(
      page,
      'GET',
      `/clients?q=${encodeURIComponent('ООО «Импорт; 1»')}`,
    )
    expect(listed.body.clients.map((c) => c.name)).toContain('Клиент 1')
    await context.close()
  })

  it("maps contact, money and source columns and dry-runs them with each bad cell's line", async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await page.getByRole('link', { name: 'Данные' }).click()
    const file =
      'ID;Название;Компания;Тир;Этап;Основной контакт;Рабочий телефон;Рабочий email;Бюджет;Источник\r\n' +
      'rec-e2e-1;Альфа;ООО Альфа;B;Первый звонок;Анна;8 916 123-45-67;anna@alpha.ru;1 500 000,50;Партнёр\r\n' +
      'rec-e2e-2;Бета;ООО Бета;C;Первый звонок;Олег;12-34;oleg@beta.ru;много;Сарафан\r\n'
    await page.locator('input[type=file]').setInputFiles({
      name: 'record.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    })
    // A mapping row is named by its header cell (the row's text also holds every option's label).
    const mapped = (header: string) =>
      page
        .locator('.data-mapping__row')
        .filter({
          has: page.locator('.data-mapping__header', { hasText: new RegExp(`^${header}$`) }),
        })
        .locator('select')
        .inputValue()
    expect(await mapped('Основной контакт')).toBe('contactName')
    expect(await mapped('Рабочий телефон')).toBe('contactPhone')
    expect(await mapped('Бюджет')).toBe('contractValue')
    expect(await mapped('Источник')).toBe('source')
    await expect
      .poll(() => page.getByTestId('import-record-hint').textContent())
      .toContain('Партнёр')
    await page.getByRole('button', { name: 'Проверить (без записи)' }).click()
    const errors = page.getByTestId('import-errors')
    await errors.waitFor()
    const text = (await errors.textContent()) ?? ''
    for (const field of ['contactPhone', 'contractValue', 'source']) {
      expect(text).toContain(`Строка 3 · ${field}`)
    }
    expect(text).not.toContain('Строка 2')
    await context.close()
  })

  it('downloads the filtered board as a CSV that Excel in Russian opens, and it parses back', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local', '/?tier=A')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV ↓' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^board-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await download.path()) ?? '', 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const table = parseCsv(text)
    expect(table.delimiter).toBe(';')
    expect(table.headers.slice(0, 3)).toEqual(['Клиент', 'Компания', 'Тир'])
    expect(table.records.length).toBeGreaterThan(0)
    expect(new Set(table.records.map((r) => r.cells[2]))).toEqual(new Set(['A']))
    await context.close()
  })
})
