import { describe, expect, it } from 'vitest'
import { blankStep, moveStep, stepDrafts, stepInputs } from '../../web/src/onboarding/track-draft'

const track = {
  items: [
    {
      id: 'a',
      kind: 'article' as const,
      position: 1,
      title: { ru: 'Статья', en: 'Article' },
      articleIds: { ru: null, en: 'art-en' },
      dueDays: 2,
    },
    {
      id: 'b',
      kind: 'checklist' as const,
      position: 2,
      title: { ru: 'Шаг', en: 'Step' },
      articleIds: null,
      dueDays: null,
    },
  ],
}

describe('the track editor draft', () => {
  it('round-trips stored steps, keeping their ids and linking the article there is', () => {
    expect(stepInputs(stepDrafts(track))).toEqual([
      { id: 'a', kind: 'article', articleId: 'art-en', dueDays: 2 },
      { id: 'b', kind: 'checklist', title: { ru: 'Шаг', en: 'Step' }, dueDays: null },
    ])
  })

  it('moves a step up or down and ignores a move past either end', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('sends new steps without an id, and a bad due-days text as what it reads as', () => {
    const step = { ...blankStep('checklist'), ru: 'Новый', en: 'New', dueDays: '1.5' }
    expect(stepInputs([step])).toEqual([
      { kind: 'checklist', title: { ru: 'Новый', en: 'New' }, dueDays: 1.5 },
    ])
    expect(blankStep('article').key).not.toBe(blankStep('article').key)
  })
})
