import { describe, expect, it } from 'vitest'
import { card } from './card-fixture'
import {
  applyMove,
  isNoop,
  locate,
  restore,
  targetAt,
  upsert,
  type Columns,
} from '../../web/src/board/board-state'
import { BoardStore } from '../../web/src/board/board-store'

const board = (): Columns =>
  new Map([
    ['s1', [card('a', 's1', 'a0'), card('b', 's1', 'a1'), card('c', 's1', 'a2')]],
    ['s2', [card('d', 's2', 'a0'), card('e', 's2', 'a1')]],
    ['s3', []],
  ])

const ids = (columns: Columns, stageId: string) => columns.get(stageId)?.map((c) => c.id)

describe('applyMove', () => {
  it('moves a card before another card of another column', () => {
    const next = applyMove(board(), 'b', { stageId: 's2', beforeId: 'e' })
    expect(ids(next, 's1')).toEqual(['a', 'c'])
    expect(ids(next, 's2')).toEqual(['d', 'b', 'e'])
    expect(locate(next, 'b')?.client.stageId).toBe('s2')
  })

  it('restarts the time in stage (and its overdue mark) of a card entering another stage', () => {
    const at = '2026-11-24T10:00:00.000Z'
    const late = upsert(board(), { ...card('b', 's1', 'a1', 2), overdueLevel: 2 })
    const moved = locate(applyMove(late, 'b', { stageId: 's2' }, at), 'b')?.client
    expect(moved?.enteredStageAt).toBe(at)
    expect(moved?.overdueLevel).toBe(0)
    const same = applyMove(board(), 'a', { stageId: 's1', afterId: 'c' }, at)
    expect(locate(same, 'a')?.client.enteredStageAt).toBe('2026-11-23T09:00:00.000Z')
  })

  it('reorders inside a column after an anchor', () => {
    const next = applyMove(board(), 'a', { stageId: 's1', afterId: 'c' })
    expect(ids(next, 's1')).toEqual(['b', 'c', 'a'])
  })

  it('appends to an empty column and to the end when the anchor has gone', () => {
    expect(ids(applyMove(board(), 'a', { stageId: 's3' }), 's3')).toEqual(['a'])
    expect(ids(applyMove(board(), 'a', { stageId: 's2', beforeId: 'zz' }), 's2')).toEqual([
      'd',
      'e',
      'a',
    ])
  })

  it('changes only the source and target arrays', () => {
    const before = board()
    const next = applyMove(before, 'a', { stageId: 's2' })
    expect(next.get('s3')).toBe(before.get('s3'))
    expect(next.get('s1')).not.toBe(before.get('s1'))
    expect(before.get('s1')?.length).toBe(3)
  })

  it('leaves the board alone for an unknown card or stage', () => {
    const before = board()
    expect(applyMove(before, 'zz', { stageId: 's2' })).toBe(before)
    expect(applyMove(before, 'a', { stageId: 'nope' })).toBe(before)
  })
})

describe('restore (rolling a move back)', () => {
  it('puts the card back at its exact place after an optimistic move', () => {
    const before = board()
    const snapshot = locate(before, 'b')
    if (!snapshot) throw new Error('b is on the board')
    const moved = applyMove(before, 'b', { stageId: 's2', afterId: 'e' })
    const back = restore(moved, snapshot)
    expect(ids(back, 's1')).toEqual(['a', 'b', 'c'])
    expect(ids(back, 's2')).toEqual(['d', 'e'])
    expect(locate(back, 'b')?.client).toBe(snapshot.client)
  })

  it('keeps other moves made meanwhile', () => {
    const before = board()
    const snapshot = locate(before, 'a')
    if (!snapshot) throw new Error('a is on the board')
    let next = applyMove(before, 'a', { stageId: 's3' })
    next = applyMove(next, 'd', { stageId: 's3' })
    next = restore(next, snapshot)
    expect(ids(next, 's1')).toEqual(['a', 'b', 'c'])
    expect(ids(next, 's3')).toEqual(['d'])
  })
})

describe('targetAt and isNoop', () => {
  const visible = [card('d', 's2', 'a0'), card('e', 's2', 'a1')]
  it('anchors to the card below the slot, else the one above, else nothing', () => {
    expect(targetAt('s2', visible, 0)).toEqual({ stageId: 's2', beforeId: 'd' })
    expect(targetAt('s2', visible, 2)).toEqual({ stageId: 's2', afterId: 'e' })
    expect(targetAt('s3', [], 0)).toEqual({ stageId: 's3' })
  })

  it('recognises a drop that changes nothing', () => {
    expect(isNoop(board(), 'b', { stageId: 's1', beforeId: 'c' })).toBe(true)
    expect(isNoop(board(), 'b', { stageId: 's1', afterId: 'a' })).toBe(true)
    expect(isNoop(board(), 'c', { stageId: 's1' })).toBe(true)
    expect(isNoop(board(), 'b', { stageId: 's1', beforeId: 'a' })).toBe(false)
    expect(isNoop(board(), 'b', { stageId: 's2' })).toBe(false)
  })
})

describe('upsert (the server copy of a card)', () => {
  it('replaces a card in place when it stays in its stage', () => {
    const next = upsert(board(), { ...card('b', 's1', 'zz', 2), name: 'Renamed' })
    expect(ids(next, 's1')).toEqual(['a', 'b', 'c'])
    expect(next.get('s1')?.[1]?.name).toBe('Renamed')
  })

  it('moves a card that is elsewhere on the server into place by its key', () => {
    const next = upsert(board(), card('a', 's2', 'a0V', 2))
    expect(ids(next, 's1')).toEqual(['b', 'c'])
    expect(ids(next, 's2')).toEqual(['d', 'a', 'e'])
  })

  it('takes an archived card off the board', () => {
    const next = upsert(board(), { ...card('a', 's1', 'a0', 2), archived: true })
    expect(locate(next, 'a')).toBeUndefined()
  })
})

describe('BoardStore', () => {
  it('notifies exactly the two columns a move touches', () => {
    const store = new BoardStore(board())
    const calls: string[] = []
    for (const id of ['s1', 's2', 's3']) store.subscribe(id, () => calls.push(id))
    store.update((c) => applyMove(c, 'a', { stageId: 's2' }))
    expect(calls.sort()).toEqual(['s1', 's2'])
  })

  it('stops notifying after unsubscribe', () => {
    const store = new BoardStore(board())
    let calls = 0
    const off = store.subscribe('s1', () => calls++)
    off()
    store.update((c) => applyMove(c, 'a', { stageId: 's2' }))
    expect(calls).toBe(0)
  })
})
