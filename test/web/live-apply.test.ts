import { describe, expect, it } from 'vitest'
import { card } from './card-fixture'
import type { Columns } from '../../web/src/board/board-state'
import { applyRemote, movedBy } from '../../web/src/board/live-apply'

const board = (): Columns =>
  new Map([
    ['s1', [card('a', 's1', 'a0'), card('b', 's1', 'a1'), card('c', 's1', 'a2')]],
    ['s2', [card('d', 's2', 'a0'), card('e', 's2', 'a2')]],
  ])

const ids = (columns: Columns, stageId: string) => columns.get(stageId)?.map((c) => c.id)

describe('applying other people’s changes', () => {
  it('moves a newer card to its place in another stage, by its key', () => {
    const next = applyRemote(board(), [card('a', 's2', 'a1', 2)])
    expect(ids(next, 's1')).toEqual(['b', 'c'])
    expect(ids(next, 's2')).toEqual(['d', 'a', 'e'])
  })

  it('reorders a card within its stage', () => {
    const next = applyRemote(board(), [card('a', 's1', 'a3', 2)])
    expect(ids(next, 's1')).toEqual(['b', 'c', 'a'])
  })

  it('ignores a copy no newer than ours (the echo of our own move), keeping the same board', () => {
    const before = board()
    expect(applyRemote(before, [card('a', 's2', 'a1', 1)])).toBe(before)
  })

  it('adds a new card, and takes an archived one off the board', () => {
    const next = applyRemote(board(), [
      card('n', 's1', 'a05', 1),
      { ...card('d', 's2', 'a0', 2), archived: true },
    ])
    expect(ids(next, 's1')).toEqual(['a', 'n', 'b', 'c'])
    expect(ids(next, 's2')).toEqual(['e'])
  })

  it('replaces only the arrays of the columns involved', () => {
    const before = board()
    const next = applyRemote(before, [card('b', 's1', 'a1', 2)])
    expect(next.get('s2')).toBe(before.get('s2'))
    expect(next.get('s1')).not.toBe(before.get('s1'))
  })

  it('names the cards that change place, for the slide', () => {
    expect(
      movedBy(board(), [card('a', 's2', 'a1', 2), card('b', 's1', 'a1', 2), card('z', 's1', 'a9')]),
    ).toEqual(['a'])
  })
})
