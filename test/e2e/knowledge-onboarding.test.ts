import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../schema/articles'
import type { Client, StageRoleKind } from '../../schema/clients'
import type { Journey } from '../../schema/journey'
import type { MyOnboarding } from '../../schema/onboarding'
import { api, column, launch, newPage, signIn } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser?.close()
})

const KINDS: readonly StageRoleKind[] = ['owner', 'communicator', 'support']
const MEMBER_ID = 'm-04'

/** A card the demo member holds a slot on, with the slot's journey role and the stage. */
async function memberCard(page: Page) {
  const journey = (await api<Journey>(page, 'GET', '/journey')).body
  const { clients } = (await api<{ clients: Client[] }>(page, 'GET', '/clients')).body
  const stages = new Map(journey.phases.flatMap((p) => p.stages.map((s) => [s.id, s] as const)))
  for (const client of clients) {
    const kind = KINDS.find((k) => client.acting[k] === MEMBER_ID)
    const stage = stages.get(client.stageId)
    if (!kind || !stage) continue
    const role = journey.roles.find((r) => r.id === stage.roles[kind])
    if (role) return { client, stage, role }
  }
  throw new Error('the demo member holds no card')
}

/** The phase a stage belongs to, to bring its column into view with the phase focus. */
async function phaseOf(page: Page, stageId: string): Promise<string> {
  const journey = (await api<Journey>(page, 'GET', '/journey')).body
  const phase = journey.phases.find((p) => p.stages.some((s) => s.id === stageId))
  if (!phase) throw new Error(`no phase holds ${stageId}`)
  return phase.id
}

const myOnboarding = async (page: Page) =>
  (await api<MyOnboarding>(page, 'GET', '/onboarding/me')).body

describe('the knowledge base', () => {
  it('finds articles in Russian with the matches highlighted in the snippet', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.getByRole('navigation').getByRole('link', { name: 'База знаний' }).click()
    await page.waitForURL(/\/kb$/)
    await page.locator('.kb-item').first().waitFor()

    const searched = page.waitForResponse(
      (r) => r.url().includes('/api/articles?') && r.url().includes('q=') && r.ok(),
    )
    await page.getByRole('searchbox', { name: 'Поиск по статьям' }).fill('клиент')
    await searched
    await page.waitForURL(/q=/)
    const mark = page.locator('.kb-snippet mark').first()
    await mark.waitFor()
    expect((await mark.textContent())?.toLowerCase()).toMatch(/^клиент/)
    await expect(page.locator('.kb__note').first().textContent()).resolves.toMatch(/Найдено: \d+/)

    // The hit opens as an article rendered from the server's sanitised HTML.
    await page.locator('.kb-item__title').first().click()
    await page.locator('.kb-article .kb-prose p').first().waitFor()
    await context.close()
  })

  it('shows the stage instruction for the member’s role first in the card drawer', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    const { client, stage, role } = await memberCard(page)
    await page.goto(`/?card=${client.id}`)
    const guide = page.getByRole('dialog').locator('.guide')
    await guide.waitFor()
    await expect(guide.locator('.guide__label').textContent()).resolves.toContain(role.name.ru)
    await expect(guide.locator('.guide__title').textContent()).resolves.toContain(stage.name.ru)
    await expect(guide.locator('.kb-prose h2').count()).resolves.toBeGreaterThan(0)

    // The column header links to the same regulation.
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.goto(`/?phase=${stage.phaseId}`)
    await column(page, stage.id).locator('.column__guide').click()
    await page.waitForURL(new RegExp(`/kb/stages/${stage.id}`))
    await expect(page.locator('#kb-article-title').textContent()).resolves.toContain(stage.name.ru)
    await context.close()
  })

  it('lets a member write an article with a live preview, and catches a concurrent edit', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')
    await page.goto('/kb')
    await page.getByRole('link', { name: 'Новая статья' }).click()
    await page.waitForURL(/\/kb\/new/)
    // A member may not write regulations.
    await expect(
      page.getByRole('button', { name: 'Регламент', exact: true }).isDisabled(),
    ).resolves.toBe(true)

    await page.locator('input[name=title]').fill('E2E: памятка по звонку')
    await page.locator('textarea[name=body]').fill('## Перед звонком\n\n- **Цель** звонка')
    const preview = page.locator('.kb-editor__preview')
    await preview.locator('h2', { hasText: 'Перед звонком' }).waitFor()
    await preview.locator('strong', { hasText: 'Цель' }).waitFor()

    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/articles') && r.request().method() === 'POST',
    )
    await page.getByRole('button', { name: 'Сохранить' }).click()
    expect((await created).status()).toBe(201)
    await page.waitForURL(/\/kb\/[^/]+$/)
    await expect(page.locator('#kb-article-title').textContent()).resolves.toBe(
      'E2E: памятка по звонку',
    )
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')

    // Someone else saves while the member edits: the save answers 409 and the text is kept.
    await page.getByRole('link', { name: 'Изменить' }).click()
    await page.waitForURL(/\/edit$/)
    await page.locator('textarea[name=body]').fill('## Перед звонком\n\nМоя версия')
    const article = (await api<Article>(page, 'GET', `/articles/${id}`)).body
    const other = await api<Article>(page, 'PATCH', `/articles/${id}`, {
      version: article.version,
      tags: ['звонок'],
    })
    expect(other.status).toBe(200)
    const conflict = page.waitForResponse(
      (r) => r.url().endsWith(`/api/articles/${id}`) && r.request().method() === 'PATCH',
    )
    await page.getByRole('button', { name: 'Сохранить' }).click()
    expect((await conflict).status()).toBe(409)
    const notice = page.locator('.kb-notice--error', { hasText: 'изменил кто-то другой' })
    await notice.waitFor()
    await expect(page.locator('textarea[name=body]').inputValue()).resolves.toContain('Моя версия')
    await notice.getByRole('button', { name: 'Сохранить мою версию поверх' }).click()
    await page.waitForURL(new RegExp(`/kb/${id}$`))
    const saved = (await api<Article>(page, 'GET', `/articles/${id}`)).body
    expect(saved.body).toContain('Моя версия')
    expect(saved.tags).toEqual(['звонок'])
    await context.close()
  })

  it('shows a viewer no way to edit, create or archive', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'viewer@demo.local')
    await page.goto('/kb/kb-handoff-ru')
    await page.locator('.kb-article .kb-prose').waitFor()
    await expect(page.getByRole('link', { name: 'Изменить' }).count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: 'В архив' }).count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: 'Отметить пересмотр' }).count()).resolves.toBe(0)
    await page.goto('/kb')
    await page.locator('.kb-item').first().waitFor()
    await expect(page.getByRole('link', { name: 'Новая статья' }).count()).resolves.toBe(0)
    await context.close()
  })
})

describe('onboarding', () => {
  it('lets a member mark a checklist item done and shows the progress move', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'member@demo.local')

    // The newcomer's board tints the stages their roles take part in, and the tint can go.
    const me = await myOnboarding(page)
    const mine = me.stageIds[0]
    if (!mine) throw new Error('the demo member’s roles take part in no stage')
    await page.goto(`/?phase=${await phaseOf(page, mine)}`)
    await page.getByRole('button', { name: 'Мои этапы' }).click()
    await expect(page.locator('.column--onboarding').count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Мои этапы' }).click()
    await column(page, mine).and(page.locator('.column--onboarding')).waitFor()

    await page.getByRole('navigation').getByRole('link', { name: 'Онбординг' }).click()
    await page.waitForURL(/\/onboarding$/)
    const track = page.locator('.ob-track').first()
    await track.waitFor()
    const item = track.locator('.ob-track__columns > div').nth(1).locator('.ob-item').first()
    const itemId = await item.getAttribute('data-item-id')
    const progress = track.locator('.ob-track__header .ob-progress__text')
    const before = await progress.textContent()

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/onboarding/progress') && r.request().method() === 'POST',
    )
    await item.locator('input[type=checkbox]').check()
    expect((await saved).status()).toBe(200)
    await expect(item.locator('input[type=checkbox]').isChecked()).resolves.toBe(true)
    const after = await progress.textContent()
    expect(after).not.toBe(before)
    const done = (text: string | null) => Number(/^(\d+)/.exec(text ?? '')?.[1])
    expect(done(after)).toBe(done(before) + 1)
    await expect(
      track.locator('.ob-progress__bar').getAttribute('aria-valuenow'),
    ).resolves.not.toBe('0')

    const server = await myOnboarding(page)
    expect(server.completed).toBe(me.completed + 1)
    expect(server.tracks.flatMap((t) => t.items).find((i) => i.id === itemId)?.status).toBe('done')
    await context.close()
  })

  it('shows a lead the team’s progress', async () => {
    const { context, page } = await newPage(browser)
    await signIn(page, 'lead@demo.local')
    await page.goto('/onboarding')
    const table = page.locator('.ob-table')
    await table.waitFor()
    await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(0)
    await table.locator('tbody th', { hasText: 'Анна Смирнова' }).waitFor()
    await context.close()
  })
})
