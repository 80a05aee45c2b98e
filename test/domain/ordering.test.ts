import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareByPosition, freshKeys, keyBetween, needsRekey } from '../../worker/domain/ordering'

describe('ordering keys', () => {
  it('always sorts a new key strictly between its neighbours', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (spots) => {
        const keys: string[] = []
        for (const spot of spots) {
          const i = spot % (keys.length + 1)
          const key = keyBetween({ before: keys[i - 1] ?? null, after: keys[i] ?? null })
          if (i > 0) expect(keys[i - 1]! < key).toBe(true)
          if (i < keys.length) expect(key < keys[i]!).toBe(true)
          keys.splice(i, 0, key)
        }
      }),
    )
  })

  it('gives short, ascending fresh keys for a whole column', () => {
    const keys = freshKeys(5000)
    expect(keys.every((k, i) => i === 0 || keys[i - 1]! < k)).toBe(true)
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(8)
    expect(keys.some(needsRekey)).toBe(false)
  })

  it('asks for a re-key once repeated inserts into one gap grow a key, and not long before', () => {
    // The worst case: every new card lands right after the same card, halving one gap each time.
    const first = keyBetween({ before: null, after: null })
    let after = keyBetween({ before: first, after: null })
    let inserts = 0
    while (!needsRekey(after) && inserts < 1000) {
      after = keyBetween({ before: first, after })
      inserts += 1
    }
    expect(needsRekey(after)).toBe(true)
    // About one character per six inserts: a column is re-keyed rarely, but long before keys hurt.
    expect(inserts).toBeGreaterThan(100)
    expect(inserts).toBeLessThan(400)
  })

  it('breaks ties between equal keys by id', () => {
    const cards = [
      { id: 'b', position: 'a1' },
      { id: 'a', position: 'a1' },
      { id: 'c', position: 'a0' },
    ]
    expect([...cards].sort(compareByPosition).map((c) => c.id)).toEqual(['c', 'a', 'b'])
  })
})
