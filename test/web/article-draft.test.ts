import { describe, expect, it } from 'vitest'
import type { Article } from '../../schema/articles'
import { renderMarkdown } from '../../shared/markdown'
import {
  checkDraft,
  draftCreate,
  draftOf,
  draftPatch,
  emptyDraft,
  isDirty,
  parseTags,
  serverFieldErrors,
} from '../../web/src/knowledge/article-draft'

const article: Article = {
  id: 'kb-1',
  lang: 'ru',
  kind: 'article',
  title: 'Как запрашивать обратную связь',
  stageIds: ['feedback-nps', 'joint-case-study'],
  roleIds: ['account_manager'],
  tags: ['обратная связь', 'NPS'],
  translationOf: null,
  reviewedAt: '2026-01-10T09:00:00.000Z',
  reviewDue: '2027-01-10T09:00:00.000Z',
  overdueReview: false,
  archived: false,
  updatedAt: '2026-01-10T09:00:00.000Z',
  body: 'Через две недели после сдачи — письменно.',
  html: '<p>Через две недели после сдачи — письменно.</p>',
  authorId: 'u-1',
  authorName: 'Анна',
  translations: [],
  version: 3,
  createdAt: '2026-01-10T09:00:00.000Z',
}

describe('the article draft', () => {
  it('sends nothing when nothing changed, even with links reordered and tags re-spaced', () => {
    const draft = {
      ...draftOf(article),
      stageIds: ['joint-case-study', 'feedback-nps'],
      tags: ' обратная связь ,NPS, ',
    }
    expect(draftPatch(article, draft)).toEqual({})
    expect(isDirty(draft, draftOf(article))).toBe(false)
  })

  it('sends only the fields that changed, the title trimmed', () => {
    const draft = { ...draftOf(article), title: '  Обратная связь  ', roleIds: [] }
    expect(draftPatch(article, draft)).toEqual({ title: 'Обратная связь', roleIds: [] })
    expect(isDirty(draft, draftOf(article))).toBe(true)
  })

  it('sends a changed tag order, since tags are shown in the order written', () => {
    expect(draftPatch(article, { ...draftOf(article), tags: 'NPS, обратная связь' })).toEqual({
      tags: ['NPS', 'обратная связь'],
    })
  })

  it('parses tags typed with commas, semicolons or lines, without empties or repeats', () => {
    expect(parseTags('a, b;; c\n a ,')).toEqual(['a', 'b', 'c'])
    expect(parseTags('   ')).toEqual([])
  })

  it('creates with every field, as an original or a translation', () => {
    const draft = { ...emptyDraft('en', 'instruction'), title: ' Kickoff ', tags: 'x, y' }
    expect(draftCreate(draft, null)).toEqual({
      lang: 'en',
      kind: 'instruction',
      title: 'Kickoff',
      body: '',
      tags: ['x', 'y'],
      stageIds: [],
      roleIds: [],
      translationOf: null,
    })
    expect(draftCreate(draft, 'kb-1').translationOf).toBe('kb-1')
  })

  it('checks the limits the API enforces before anything is sent', () => {
    expect(checkDraft(draftOf(article))).toEqual({})
    expect(checkDraft({ ...draftOf(article), title: '   ' })).toEqual({ title: 'required' })
    expect(checkDraft({ ...draftOf(article), title: 'x'.repeat(201) }).title).toBe('tooLong')
    expect(checkDraft({ ...draftOf(article), body: 'x'.repeat(50_001) }).body).toBe('tooLong')
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',')
    expect(checkDraft({ ...draftOf(article), tags: many }).tags).toBe('tooManyTags')
    expect(checkDraft({ ...draftOf(article), tags: 'x'.repeat(41) }).tags).toBe('tagTooLong')
  })

  it('puts a 422 answer’s messages under the form’s fields', () => {
    // The shape of an ApiError from the client (status, code, fields).
    const error = {
      status: 422,
      code: 'invalid',
      fields: { 'tags.3': ['Too long'], stageIds: ['Unknown stage(s): x'], title: ['Required'] },
    }
    expect(serverFieldErrors(error)).toEqual({
      tags: ['Too long'],
      stageIds: ['Unknown stage(s): x'],
      title: ['Required'],
    })
    expect(serverFieldErrors({ status: 409, code: 'version_conflict' })).toEqual({})
    expect(serverFieldErrors(null)).toEqual({})
    expect(serverFieldErrors(new Error('x'))).toEqual({})
  })
})

describe('the editor preview', () => {
  it('is the server’s renderer: markup and bad links in the source come out as text', () => {
    const html = renderMarkdown(
      '## Шаг\n\n<img src=x onerror=alert(1)> **важно** [ссылка](javascript:alert(1))',
    )
    expect(html).toContain('<h2>Шаг</h2>')
    expect(html).toContain('<strong>важно</strong>')
    expect(html).not.toMatch(/<img|<script|<a /i)
    expect(html).toContain('&lt;img')
    expect(html).toContain('[ссылка](javascript:alert(1))')
  })
})
