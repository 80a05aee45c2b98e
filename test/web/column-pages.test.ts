import { describe, expect, it } from 'vitest'
import { countNow } from '../../web/src/board/column-pages'
import { boardQuery, NO_FILTERS } from '../../web/src/board/filters'

describe('the board by column, in the browser', () => {
  it('moves the server count on by the cards that came and went since it was loaded', () => {
    const meta = { total: 120, count: 30, loaded: 50, next: 'a5|x' }
    expect(countNow(meta, 50)).toEqual({ total: 120, count: 30 })
    expect(countNow(meta, 51)).toEqual({ total: 121, count: 31 })
    expect(countNow(meta, 49)).toEqual({ total: 119, count: 29 })
    expect(countNow(undefined, 7)).toEqual({ total: 7, count: 7 })
  })

  it('sends the URL filters to the API, "mine" as the signed-in member', () => {
    const q = boardQuery(
      { ...NO_FILTERS, mine: true, as: 'owner', tiers: ['A', 'C'], overdue: true, q: ' Альфа ' },
      'm-04',
    )
    expect(Object.fromEntries(q)).toEqual({
      memberId: 'm-04',
      as: 'owner',
      tier: 'A,C',
      overdue: '1',
      q: 'Альфа',
    })
    expect(boardQuery({ ...NO_FILTERS, phase: 'sale' }, null).toString()).toBe('')
  })
})
