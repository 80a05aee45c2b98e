import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMove, type Columns } from '../../web/src/board/board-state'
import { SelectionStore } from '../../web/src/quick/selection-store'
import { placeOf } from '../../web/src/quick/place-of'
import { card } from './card-fixture'

/** Two columns holding `a` and `b` cards, ids unique across the board. */
function board(a: number, b: number): Columns {
  const column = (stage: string, n: number) =>
    Array.from({ length: n }, (_, i) => card(`${stage}${i}`, stage, `a${i}`))
  return new Map([
    ['s1', column('s1', a)],
    ['s2', column('s2', b)],
  ])
}

const order = (columns: Columns) =>
  [...columns.entries()].map(([stage, cards]) => `${stage}:${cards.map((c) => c.id).join(',')}`)

describe('undo of a move', () => {
  it('names the neighbour below, else above, else the empty column', () => {
    const columns = board(3, 0)
    expect(placeOf(columns, 's10')).toEqual({ stageId: 's1', beforeId: 's11' })
    expect(placeOf(columns, 's12')).toEqual({ stageId: 's1', afterId: 's11' })
    expect(placeOf(board(1, 0), 's10')).toEqual({ stageId: 's1' })
    expect(placeOf(columns, 'nope')).toBeUndefined()
  })

  it('puts any card back exactly where it was, wherever it went', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (a, b, pick, slot, sameColumn) => {
          const columns = board(a, b)
          const id = `s1${pick % a}`
          const origin = placeOf(columns, id)
          if (!origin) throw new Error('card not found')
          const target = sameColumn ? 's1' : 's2'
          const others = (columns.get(target) ?? []).filter((c) => c.id !== id)
          const before = others[slot % (others.length + 1)]
          const moved = applyMove(
            columns,
            id,
            before ? { stageId: target, beforeId: before.id } : { stageId: target },
          )
          expect(order(applyMove(moved, id, origin))).toEqual(order(columns))
        },
      ),
    )
  })
})

describe('the selection', () => {
  it('toggles, lets go of the cards that went through, and tells its listeners', () => {
    const selection = new SelectionStore()
    let heard = 0
    selection.subscribe(() => heard++)
    selection.toggle('a')
    selection.toggle('b')
    selection.toggle('c')
    selection.toggle('b')
    expect([...selection.selected]).toEqual(['a', 'c'])
    selection.clear(['a'])
    expect([...selection.selected]).toEqual(['c'])
    selection.rename('c')
    expect(selection.renaming).toBe('c')
    selection.clear()
    expect(selection.selected.size).toBe(0)
    expect(heard).toBe(7)
  })
})
