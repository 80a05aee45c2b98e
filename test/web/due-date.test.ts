import { describe, expect, it } from 'vitest'
import { daysUntil, dueState, localDay } from '../../web/src/board/due-date'

describe('due dates on cards', () => {
  const noon = new Date(2026, 11, 10, 12, 0) // 10 December, local time

  it('reads today in the user’s own calendar', () => {
    expect(localDay(noon)).toBe('2026-12-10')
    expect(localDay(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01')
  })

  it('counts whole days across a month end', () => {
    expect(daysUntil('2027-01-02', '2026-12-30')).toBe(3)
    expect(daysUntil('2026-12-09', '2026-12-10')).toBe(-1)
  })

  it('is overdue only after its day, due today on it, soon within three days', () => {
    expect(dueState('2026-12-09', noon)).toBe('overdue')
    expect(dueState('2026-12-10', noon)).toBe('today')
    expect(dueState('2026-12-13', noon)).toBe('soon')
    expect(dueState('2026-12-14', noon)).toBe('later')
  })
})
