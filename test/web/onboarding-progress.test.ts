import { describe, expect, it } from 'vitest'
import type { MyOnboarding } from '../../schema/onboarding'
import {
  applyMark,
  itemArticleId,
  onboardingComplete,
  percent,
  splitItems,
  toggledStatus,
} from '../../web/src/onboarding/progress'

type Item = MyOnboarding['tracks'][number]['items'][number]

const article = (id: string, ru: string | null, en: string | null, position: number): Item => ({
  id,
  kind: 'article',
  position,
  title: { ru: id, en: id },
  articleIds: { ru, en },
  dueDays: null,
  status: 'todo',
  at: null,
  dueAt: null,
})
const check = (id: string, position: number): Item => ({
  id,
  kind: 'checklist',
  position,
  title: { ru: id, en: id },
  articleIds: null,
  dueDays: null,
  status: 'todo',
  at: null,
  dueAt: null,
})

const me = (): MyOnboarding => ({
  memberId: 'm-02',
  roleIds: ['account_manager', 'team_lead'],
  stageIds: ['kickoff'],
  mentor: null,
  tracks: [
    {
      id: 'ob-am',
      roleId: 'account_manager',
      title: { ru: 'АМ', en: 'AM' },
      position: 1,
      retired: false,
      version: 1,
      items: [
        check('am-c1', 3),
        article('am-a1', 'kb-journey-ru', 'kb-journey-en', 1),
        check('am-c2', 4),
      ],
      total: 3,
      completed: 0,
    },
    {
      id: 'ob-tl',
      roleId: 'team_lead',
      title: { ru: 'ТЛ', en: 'TL' },
      position: 2,
      retired: false,
      version: 1,
      items: [article('tl-a1', 'kb-journey-ru', 'kb-journey-en', 1), check('tl-c1', 2)],
      total: 2,
      completed: 0,
    },
  ],
  total: 5,
  completed: 0,
})

describe('onboarding progress', () => {
  it('counts a checklist item done in its track and overall', () => {
    const next = applyMark(me(), 'am-c1', 'done', '2026-11-23T10:00:00.000Z')
    expect(next.tracks[0]?.completed).toBe(1)
    expect(next.tracks[1]?.completed).toBe(0)
    expect(next.completed).toBe(1)
    expect(next.tracks[0]?.items.find((i) => i.id === 'am-c1')).toMatchObject({
      status: 'done',
      at: '2026-11-23T10:00:00.000Z',
    })
  })

  it('marks an article read in every track it appears in, as the server counts it', () => {
    const next = applyMark(me(), 'am-a1', 'read', '2026-11-23T10:00:00.000Z')
    expect(next.tracks.map((t) => t.completed)).toEqual([1, 1])
    expect(next.completed).toBe(2)
  })

  it('clears a mark with todo, and leaves the state alone for an unknown item', () => {
    const marked = applyMark(me(), 'am-c2', 'done', '2026-11-23T10:00:00.000Z')
    const cleared = applyMark(marked, 'am-c2', 'todo', null)
    expect(cleared.completed).toBe(0)
    expect(cleared.tracks[0]?.items.find((i) => i.id === 'am-c2')?.at).toBeNull()
    const state = me()
    expect(applyMark(state, 'nope', 'done', null)).toBe(state)
  })

  it('toggles articles between read and todo, checklist items between done and todo', () => {
    expect(toggledStatus({ kind: 'article', status: 'todo' })).toBe('read')
    expect(toggledStatus({ kind: 'article', status: 'read' })).toBe('todo')
    expect(toggledStatus({ kind: 'checklist', status: 'todo' })).toBe('done')
    expect(toggledStatus({ kind: 'checklist', status: 'done' })).toBe('todo')
  })

  it('shows percentages whole, and 0 when there is nothing to do', () => {
    expect(percent(1, 3)).toBe(33)
    expect(percent(2, 3)).toBe(67)
    expect(percent(0, 0)).toBe(0)
    expect(percent(5, 4)).toBe(100)
  })

  it('is complete only when there was something to do and all of it is marked', () => {
    expect(onboardingComplete({ total: 0, completed: 0 })).toBe(false)
    expect(onboardingComplete({ total: 3, completed: 2 })).toBe(false)
    expect(onboardingComplete({ total: 3, completed: 3 })).toBe(true)
  })

  it('lists a track’s articles then its checklist, each in order', () => {
    const track = me().tracks[0]
    if (!track) throw new Error('no track')
    const { articles, checklist } = splitItems(track)
    expect(articles.map((i) => i.id)).toEqual(['am-a1'])
    expect(checklist.map((i) => i.id)).toEqual(['am-c1', 'am-c2'])
  })

  it('opens an article item in the interface language, else in the other one', () => {
    expect(itemArticleId({ articleIds: { ru: 'a-ru', en: 'a-en' } }, 'en')).toBe('a-en')
    expect(itemArticleId({ articleIds: { ru: 'a-ru', en: null } }, 'en')).toBe('a-ru')
    expect(itemArticleId({ articleIds: null }, 'ru')).toBeNull()
  })
})
