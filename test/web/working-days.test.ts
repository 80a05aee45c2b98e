import { describe, expect, it } from 'vitest'
import { slaProgress, workingDaysBetween } from '../../web/src/board/working-days'

// Local times: the clock counts the viewer's own days. 2026-11-23 is a Monday.
const at = (day: number, hour = 0, month = 10) => new Date(2026, month, day, hour)

describe('workingDaysBetween', () => {
  it('counts a plain weekday as one day', () => {
    expect(workingDaysBetween(at(23, 9), at(24, 9))).toBeCloseTo(1)
  })

  it('does not count Saturday and Sunday', () => {
    // Friday 12:00 → Monday 12:00: half of Friday and half of Monday.
    expect(workingDaysBetween(at(27, 12), at(30, 12))).toBeCloseTo(1)
    expect(workingDaysBetween(at(28, 10), at(29, 20))).toBe(0)
  })

  it('counts five days in any whole week, wherever it starts', () => {
    for (let start = 23; start < 30; start++) {
      expect(workingDaysBetween(at(start, 15), at(start + 7, 15))).toBeCloseTo(5)
    }
    expect(workingDaysBetween(at(2, 0), at(30, 0))).toBeCloseTo(20)
  })

  it('is zero for a reversed or invalid range', () => {
    expect(workingDaysBetween(at(24), at(23))).toBe(0)
    expect(workingDaysBetween(new Date('nope'), at(23))).toBe(0)
  })
})

describe('slaProgress', () => {
  it('is amber from three quarters of the SLA and overdue only beyond it', () => {
    const entered = at(23, 9).toISOString()
    expect(slaProgress(entered, 4, at(25, 9)).state).toBe('ok')
    expect(slaProgress(entered, 4, at(26, 9)).state).toBe('warn')
    expect(slaProgress(entered, 3, at(26, 9)).state).toBe('warn')
    expect(slaProgress(entered, 3, at(26, 10)).state).toBe('over')
  })

  it("follows the server's due time when it has one", () => {
    const entered = at(23, 9).toISOString()
    // A holiday on the server's calendar: four Mon–Fri days in, still not due.
    expect(slaProgress(entered, 3, at(27, 10), at(30, 9).toISOString()).state).toBe('warn')
    expect(slaProgress(entered, 3, at(24, 10), at(24, 9).toISOString()).state).toBe('over')
    expect(slaProgress(entered, 3, at(24, 10), null).state).toBe('ok')
  })

  it('does not go overdue over a weekend', () => {
    // Entered on Friday morning with a one-day SLA: still 0.9 days by Monday morning.
    const entered = at(27, 2).toISOString()
    expect(slaProgress(entered, 1, at(30, 0)).state).toBe('warn')
  })
})
