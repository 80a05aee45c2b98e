import { describe, expect, it } from 'vitest'
import {
  lineChanges,
  planArticleEdit,
  reviewDueAfter,
  type ArticleState,
} from '../../worker/domain/articles'
import { guideOrder, pickLanguage, type GuideCandidate } from '../../worker/domain/guide'
import { ftsQuery, snippetHtml, stem, stemText } from '../../worker/domain/knowledge-search'
import { itemMarks, statusFits } from '../../worker/domain/onboarding'

const base: ArticleState = {
  title: 'Регламент',
  body: 'a\nb',
  kind: 'instruction',
  tags: ['x'],
  stageIds: ['kickoff'],
  roleIds: ['sales'],
  archived: false,
  reviewedAt: Date.UTC(2025, 0, 1),
}

describe('article edits', () => {
  it('plans only real changes, and summarises them for the history', () => {
    expect(planArticleEdit(base, { title: 'Регламент', tags: ['x'] }, 0)).toBeNull()
    const edit = planArticleEdit(base, { body: 'a\nc\nd', roleIds: ['support', 'sales'] }, 0)
    expect(edit?.fields).toEqual(['body', 'roleIds'])
    expect(edit?.summary).toBe('body +2 −1 lines; roles +support')
    expect(edit?.previous).toEqual({ title: null, body: 'a\nb' })
    expect(edit?.next.roleIds).toEqual(['sales', 'support'])
  })

  it('restarts the review clock only when the review is declared', () => {
    const now = Date.UTC(2026, 5, 1)
    expect(planArticleEdit(base, { title: 'Новый' }, now)?.next.reviewedAt).toBe(base.reviewedAt)
    expect(planArticleEdit(base, { reviewed: true }, now)?.next.reviewedAt).toBe(now)
  })

  it('falls due a calendar year after the review', () => {
    expect(reviewDueAfter(Date.UTC(2026, 2, 15, 9))).toBe(Date.UTC(2027, 2, 15, 9))
    expect(reviewDueAfter(Date.UTC(2028, 1, 29))).toBe(Date.UTC(2029, 2, 1))
  })

  it('counts changed lines', () => {
    expect(lineChanges('a\nb\nb', 'b\na\nc')).toEqual({ added: 1, removed: 1 })
  })
})

describe('search input', () => {
  it('quotes every word, as a prefix or as its stem, folding ё, and ignores FTS5 syntax', () => {
    expect(ftsQuery('Счёт  договорами')).toEqual({
      match: '("Счет"* OR "счет") AND ("договорами"* OR "договор")',
      highlight: '"Счет"* OR "счет"* OR "договорами"* OR "договор"*',
    })
    expect(ftsQuery('title:"x" OR NEAR(y*)')?.match).toBe(
      '("title"* OR "titl") AND ("x"* OR "x") AND ("OR"* OR "or") AND ("NEAR"* OR "near") AND ("y"* OR "y")',
    )
    expect(ftsQuery(' -*" ')).toBeNull()
  })

  it('stems Russian and English words by their script with Snowball', () => {
    expect(['договорами', 'договора', 'договор'].map(stem)).toEqual(Array(3).fill('договор'))
    expect(['Studies', 'study'].map(stem)).toEqual(['studi', 'studi'])
    expect(stemText('Оплаты по счёту, 2026 contracts')).toBe('оплат по счет 2026 contract')
  })

  it('escapes a snippet before marking its matches', () => {
    expect(snippetHtml('<b>\u0002счёт\u0003</b> & "x"')).toBe(
      '&lt;b&gt;<mark>счёт</mark>&lt;/b&gt; &amp; &quot;x&quot;',
    )
  })
})

describe('the stage guide order', () => {
  const a = (id: string, extra: Partial<GuideCandidate> = {}): GuideCandidate => ({
    id,
    lang: 'ru',
    translationOf: null,
    kind: 'article',
    title: id,
    roleIds: [],
    ...extra,
  })

  it('picks one language version per text, preferring the asked language', () => {
    const ru = a('ru')
    const en = a('en', { lang: 'en', translationOf: 'ru' })
    const onlyEn = a('solo', { lang: 'en' })
    expect(pickLanguage([ru, en, onlyEn], 'en').map((x) => x.id)).toEqual(['en', 'solo'])
    expect(pickLanguage([en, ru, onlyEn], 'ru').map((x) => x.id)).toEqual(['ru', 'solo'])
  })

  it("puts the role's instruction first, else the general one", () => {
    const general = a('g', { kind: 'instruction' })
    const mine = a('m', { kind: 'instruction', roleIds: ['sales'] })
    const note = a('n', { roleIds: ['sales'] })
    expect(guideOrder([general, note, mine], 'sales')).toMatchObject({
      instruction: mine,
      forRole: true,
      others: [general, note],
    })
    expect(guideOrder([mine, general], 'finance')).toMatchObject({
      instruction: general,
      forRole: false,
    })
    expect(guideOrder([note], null)).toMatchObject({ instruction: null, others: [note] })
  })
})

describe('onboarding progress', () => {
  it('counts a text read in one track as read in every track', () => {
    const items = [
      { id: 'a1', kind: 'article' as const, group: 'welcome' },
      { id: 'b1', kind: 'article' as const, group: 'welcome' },
      { id: 'c1', kind: 'checklist' as const, group: null },
    ]
    const marks = itemMarks(items, [{ itemId: 'b1', status: 'read', at: 5 }])
    expect([...marks.keys()].sort()).toEqual(['a1', 'b1'])
    expect(marks.get('a1')).toEqual({ itemId: 'a1', status: 'read', at: 5 })
  })

  it('reads articles and does checklist items', () => {
    expect(statusFits('article', 'read')).toBe(true)
    expect(statusFits('article', 'done')).toBe(false)
    expect(statusFits('checklist', 'done')).toBe(true)
    expect(statusFits('checklist', 'todo')).toBe(true)
  })
})
