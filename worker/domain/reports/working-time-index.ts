import { dayOf, workingMsBetween, workingWindow, type Calendar } from '../../../shared/clock'

const DAY_MS = 86_400_000

/** Working time between two instants, answered from prefix sums instead of a walk per day. */
export interface WorkingTimeIndex {
  between(from: number, to: number): number
}

/**
 * Indexes the calendar's working windows from `from` to `to` once, so measuring thousands of
 * stage visits costs a binary search each (the daily job measures a year of visits at once).
 * Instants outside the indexed range fall back to the clock's day-by-day walk.
 */
export function workingTimeIndex(cal: Calendar, from: number, to: number): WorkingTimeIndex {
  const starts: number[] = []
  const ends: number[] = []
  const before: number[] = []
  let total = 0
  const first = dayOf(from, cal.timeZone) - DAY_MS
  const last = dayOf(to, cal.timeZone) + DAY_MS
  for (let day = first; day <= last; day += DAY_MS) {
    const w = workingWindow(day, cal)
    if (!w) continue
    starts.push(w[0])
    ends.push(w[1])
    before.push(total)
    total += w[1] - w[0]
  }
  const lo = from - DAY_MS
  const hi = to + DAY_MS
  /** Working time from the first indexed window up to instant `t`. */
  const upTo = (t: number) => {
    let a = 0
    let b = starts.length - 1
    let i = -1
    while (a <= b) {
      const mid = (a + b) >> 1
      if ((starts[mid] ?? 0) <= t) {
        i = mid
        a = mid + 1
      } else b = mid - 1
    }
    if (i < 0) return 0
    return (
      (before[i] ?? 0) +
      Math.min(Math.max(0, t - (starts[i] ?? 0)), (ends[i] ?? 0) - (starts[i] ?? 0))
    )
  }
  return {
    between(a, b) {
      if (b <= a) return 0
      if (a < lo || b > hi) return workingMsBetween(a, b, cal)
      return upTo(b) - upTo(a)
    },
  }
}
