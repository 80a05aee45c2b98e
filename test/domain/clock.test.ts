import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingMs,
  dayOf,
  dayWindows,
  DEFAULT_CALENDAR,
  earliestLocalDate,
  localDate,
  slaDeadlines,
  workingDaysBetween,
  workingMsBetween,
  WALL_CLOCK_FORMAT,
  zoneOffsetMs,
  type Calendar,
} from '../../shared/clock'

const H = 3_600_000
const moscow = DEFAULT_CALENDAR
/** Moscow is UTC+3 all year: 09:00 local is 06:00Z. */
const msk = (date: string, time: string) => Date.parse(`${date}T${time}:00+03:00`)

describe('the working-time clock', () => {
  it('does not count a weekend: a card that entered Friday evening is not overdue Monday morning', () => {
    const friday = msk('2026-11-20', '19:30')
    const { dueAt } = slaDeadlines(friday, 1, moscow)
    expect(dueAt).toBe(msk('2026-11-23', '18:00'))
    expect(workingMsBetween(friday, msk('2026-11-23', '10:00'), moscow)).toBe(1 * H)
  })

  it('counts only working hours inside a day and across nights', () => {
    expect(workingMsBetween(msk('2026-11-24', '08:00'), msk('2026-11-24', '20:00'), moscow)).toBe(
      9 * H,
    )
    expect(workingMsBetween(msk('2026-11-24', '17:00'), msk('2026-11-25', '10:00'), moscow)).toBe(
      2 * H,
    )
    expect(workingDaysBetween(msk('2026-11-23', '09:00'), msk('2026-11-30', '09:00'), moscow)).toBe(
      5,
    )
  })

  it('skips holidays', () => {
    const cal: Calendar = { ...moscow, holidays: ['2026-12-31', '2027-01-01'] }
    const { dueAt } = slaDeadlines(msk('2026-12-30', '12:00'), 1, cal)
    expect(dueAt).toBe(msk('2027-01-04', '12:00'))
  })

  it('lands exactly on hour boundaries', () => {
    expect(addWorkingMs(msk('2026-11-24', '09:00'), 9 * H, moscow)).toBe(msk('2026-11-24', '18:00'))
    expect(addWorkingMs(msk('2026-11-24', '18:00'), 1, moscow)).toBe(msk('2026-11-25', '09:00') + 1)
    expect(addWorkingMs(msk('2026-11-24', '06:00'), 0, moscow)).toBe(msk('2026-11-24', '09:00'))
  })

  it('follows daylight saving in a zone that has it', () => {
    const berlin: Calendar = { ...moscow, timeZone: 'Europe/Berlin' }
    // Clocks go forward on Sunday 29 March 2026: 09:00 is 08:00Z before, 07:00Z after.
    const friday = Date.parse('2026-03-27T08:00:00Z')
    expect(localDate(friday, 'Europe/Berlin')).toBe('2026-03-27')
    const { dueAt } = slaDeadlines(friday, 1, berlin)
    expect(dueAt).toBe(Date.parse('2026-03-27T17:00:00Z'))
    const monday = addWorkingMs(friday, 10 * H, berlin)
    expect(monday).toBe(Date.parse('2026-03-30T08:00:00Z'))
    expect(workingMsBetween(friday, Date.parse('2026-03-30T08:00:00Z'), berlin)).toBe(10 * H)
  })

  it('never finds a deadline in a calendar without working days', () => {
    expect(addWorkingMs(msk('2026-11-24', '09:00'), H, { ...moscow, workingDays: [] })).toBeNull()
  })

  it('agrees with itself: the working time up to a deadline is what was added', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 0, max: 40 * 9 * 60 }),
        (startMinute, workMinutes) => {
          const from = start + startMinute * 60_000
          const due = addWorkingMs(from, workMinutes * 60_000, moscow)
          expect(due).not.toBeNull()
          expect(workingMsBetween(from, due ?? 0, moscow)).toBe(workMinutes * 60_000)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('the clock read fast', () => {
  const zones = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']
  /** The zone's offset as formatToParts() gives it: the slow reading the clock stood on. */
  const slowOffset = (instant: number, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      ...WALL_CLOCK_FORMAT,
      timeZone,
    }).formatToParts(new Date(instant))
    const n = (type: string) => Number(parts.find((p) => p.type === type)?.value)
    const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
    return wall + (instant % 1000) - instant
  }

  it('reads the same zone offset as formatToParts, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0), max: Date.UTC(2035, 0) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          expect(zoneOffsetMs(instant, zone)).toBe(slowOffset(instant, zone))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('finds both SLA deadlines in one walk where two separate walks find them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0), max: Date.UTC(2030, 0) }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...zones),
        (from, slaDays, timeZone) => {
          const cal = { ...moscow, timeZone, holidays: ['2026-01-01', '2026-03-09'] }
          const day = 9 * H
          expect(slaDeadlines(from, slaDays, cal)).toEqual({
            dueAt: addWorkingMs(from, slaDays * day, cal),
            due2At: addWorkingMs(from, 2 * slaDays * day, cal),
          })
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('the clock walking days a week at a time', () => {
  const DAY = 24 * H
  // Zones with shifts: daylight saving at night, at midnight (Havana, Santiago), by half an hour
  // (Lord Howe), twice in a month (Casablanca around Ramadan), and ones abolished (Tehran).
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Africa/Casablanca',
    'America/Santiago',
    'America/Havana',
    'Asia/Tehran',
    'Pacific/Chatham',
    'Europe/Moscow',
  ]
  const calendars: Omit<Calendar, 'timeZone'>[] = [
    { ...moscow, holidays: ['2026-01-01'] },
    { ...moscow, workingDays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '23:30' },
    { ...moscow, workingDays: [1, 2, 3, 4, 5, 6, 7], workStart: '01:30', workEnd: '03:30' },
  ]
  /** The oracle: every local day's window read exactly, clipped to [from, to]. */
  const exactWorkingMs = (from: number, to: number, cal: Calendar) => {
    let total = 0
    for (let day = dayOf(from, cal.timeZone); day <= dayOf(to, cal.timeZone); day += DAY) {
      const w = dayWindows(cal)(day)
      if (w) total += Math.max(0, Math.min(w[1], to) - Math.max(w[0], from))
    }
    return total
  }
  /** The oracle: the first instant by which `ms` of working time has passed, days read exactly. */
  const exactAdd = (from: number, ms: number, cal: Calendar) => {
    let used = 0
    for (let day = dayOf(from, cal.timeZone), i = 0; i < 800; day += DAY, i += 1) {
      const w = dayWindows(cal)(day)
      if (!w || w[1] <= from) continue
      const start = Math.max(w[0], from)
      if (start + (ms - used) <= w[1]) return start + (ms - used)
      used += w[1] - start
    }
    return null
  }
  // Each run walks up to 400 days twice, exactly and by weeks: a few hundred runs take seconds.
  const RUNS = 300
  const arbitrary = [
    fc.integer({ min: Date.UTC(2018, 0), max: Date.UTC(2031, 0) }),
    fc.integer({ min: 0, max: 400 * 24 * 60 }),
    fc.constantFrom(...zones),
    fc.constantFrom(...calendars),
  ] as const

  it('measures working time exactly as reading every day would, across every kind of shift', () => {
    fc.assert(
      fc.property(...arbitrary, (from, minutes, timeZone, base) => {
        const cal = { ...base, timeZone }
        const to = from + minutes * 60_000
        expect(workingMsBetween(from, to, cal)).toBe(exactWorkingMs(from, to, cal))
      }),
      { numRuns: RUNS },
    )
  }, 60_000)

  it('finds the deadlines exactly as reading every day would, across every kind of shift', () => {
    fc.assert(
      fc.property(...arbitrary, (from, minutes, timeZone, base) => {
        const cal = { ...base, timeZone }
        const ms = (minutes % (60 * 24 * 60)) * 60_000
        expect(addWorkingMs(from, ms, cal)).toBe(exactAdd(from, ms, cal))
      }),
      { numRuns: RUNS },
    )
  }, 60_000)
})

describe('the earliest local date', () => {
  it('names a date no zone is before yet, and the one the zone furthest west is at', () => {
    const edges = ['Etc/GMT+12', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Etc/GMT-14']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0), max: Date.UTC(2100, 0) }),
        fc.constantFrom(...edges, ...Intl.supportedValuesOf('timeZone')),
        (instant, timeZone) => {
          expect(earliestLocalDate(instant) <= localDate(instant, timeZone)).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
    // UTC−12 early in the UTC day is still on the eve: the bound is tight.
    const early = Date.parse('2026-12-02T03:00:00Z')
    expect(earliestLocalDate(early)).toBe('2026-12-01')
    expect(localDate(early, 'Etc/GMT+12')).toBe('2026-12-01')
  })
})
