import { dayOf, dayWindows, workingMsBetween, zoneWalk, type Calendar } from '../../../shared/clock'

const DAY_MS = 86_400_000

/** Working time between two instants, answered from prefix sums instead of a walk per day. */
export interface WorkingTimeIndex {
  between(from: number, to: number): number
}

/** A working window of the calendar with the working time of the windows before it. */
export interface WorkingWindow {
  start: number
  end: number
  before: number
}

/**
 * The calendar's working windows on the local days from `from` to `to` (a day either side), with
 * prefix sums: working time between a and b is upTo(b) - upTo(a), where upTo(t) is `before` of
 * the last window starting at or before t plus the part of it up to t. The morning job stores
 * these so SQL measures visits the same way.
 */
export function workingWindows(cal: Calendar, from: number, to: number): WorkingWindow[] {
  const out: WorkingWindow[] = []
  const windowOf = dayWindows(cal, zoneWalk(cal.timeZone))
  let before = 0
  for (let day = dayOf(from, cal.timeZone) - DAY_MS; day <= dayOf(to, cal.timeZone) + DAY_MS;) {
    const w = windowOf(day)
    day += DAY_MS
    if (!w) continue
    out.push({ start: w[0], end: w[1], before })
    before += w[1] - w[0]
  }
  return out
}

/**
 * Indexes the calendar's working windows from `from` to `to` once, so measuring thousands of
 * stage visits costs a binary search each (the daily job measures a year of visits at once).
 * Instants outside the indexed range fall back to the clock's day-by-day walk.
 */
export function workingTimeIndex(cal: Calendar, from: number, to: number): WorkingTimeIndex {
  const windows = workingWindows(cal, from, to)
  const starts = windows.map((w) => w.start)
  const ends = windows.map((w) => w.end)
  const before = windows.map((w) => w.before)
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
