import { describe, expect, it } from 'vitest'
import { isOverdue, slaProgress, type Stint } from '../../web/src/board/working-days'
import { DEFAULT_CALENDAR, type Calendar } from '../../shared/clock'

// Moscow time (UTC+3, no daylight saving), 09:00–18:00 Monday to Friday. 2026-11-23 is a Monday.
const msk = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 10, day, hour - 3, minute))
const card = (entered: Date, extra: Partial<Stint> = {}): Stint => ({
  enteredStageAt: entered.toISOString(),
  dueAt: null,
  overdueLevel: 0,
  ...extra,
})
const progress = (entered: Date, sla: number, now: Date, cal: Calendar = DEFAULT_CALENDAR) =>
  slaProgress(card(entered), sla, now, cal)

describe('time in stage on the organisation calendar', () => {
  it('counts working hours: a working day is the calendar’s day, not 24 hours', () => {
    expect(progress(msk(23, 9), 3, msk(24, 9)).days).toBeCloseTo(1)
    expect(progress(msk(23, 9), 3, msk(23, 13, 30)).days).toBeCloseTo(0.5)
    // The evening and the night do not count.
    expect(progress(msk(23, 18), 3, msk(24, 9)).days).toBe(0)
  })

  it('does not make a card that entered on Friday evening overdue on Monday morning', () => {
    const friday = msk(27, 17)
    const monday = msk(30, 10)
    const sla = progress(friday, 1, monday)
    expect(sla.days).toBeCloseTo(2 / 9)
    expect(sla.state).toBe('ok')
  })

  it('skips the holidays and working days of the calendar', () => {
    const withHoliday = { ...DEFAULT_CALENDAR, holidays: ['2026-11-24'] }
    expect(progress(msk(23, 9), 3, msk(25, 9)).days).toBeCloseTo(2)
    expect(progress(msk(23, 9), 3, msk(25, 9), withHoliday).days).toBeCloseTo(1)
    const sixDays = { ...DEFAULT_CALENDAR, workingDays: [1, 2, 3, 4, 5, 6] }
    expect(progress(msk(27, 9), 3, msk(30, 9), sixDays).days).toBeCloseTo(2)
  })

  it('reads the working hours in the calendar’s time zone', () => {
    const vladivostok = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Vladivostok' } // UTC+10
    const from = new Date('2026-11-23T00:00:00Z') // 10:00 there, 03:00 in Moscow
    const to = new Date('2026-11-23T06:00:00Z') // 16:00 there, 09:00 in Moscow
    expect(progress(from, 3, to, vladivostok).days).toBeCloseTo(6 / 9)
    expect(progress(from, 3, to).days).toBe(0)
  })
})

describe('slaProgress', () => {
  it('is amber from three quarters of the SLA and overdue only beyond it', () => {
    const entered = msk(23, 9)
    expect(progress(entered, 4, msk(25, 9)).state).toBe('ok')
    expect(progress(entered, 4, msk(26, 9)).state).toBe('warn')
    expect(progress(entered, 3, msk(26, 9)).state).toBe('warn')
    expect(progress(entered, 3, msk(26, 10)).state).toBe('over')
  })

  it('marks twice the SLA as level 2, more than once it as level 1', () => {
    const entered = msk(23, 9)
    expect(progress(entered, 1, msk(24, 9)).level).toBe(0)
    expect(progress(entered, 1, msk(24, 12))).toMatchObject({ level: 1, state: 'over' })
    expect(progress(entered, 1, msk(25, 9)).level).toBe(1)
    expect(progress(entered, 1, msk(25, 12))).toMatchObject({ level: 2, state: 'over' })
  })

  it("follows the server's deadline for the first level", () => {
    const entered = msk(23, 9)
    const due = (d: Date) => card(entered, { dueAt: d.toISOString() })
    // The server's deadline is later (a holiday this page does not know of yet): not overdue.
    expect(slaProgress(due(msk(27, 9)), 3, msk(26, 12), DEFAULT_CALENDAR).state).toBe('warn')
    // And earlier: overdue, though the local count is still under the SLA.
    expect(slaProgress(due(msk(24, 9)), 3, msk(24, 10), DEFAULT_CALENDAR).state).toBe('over')
  })

  it('never shows less than the level the sweep has set', () => {
    const fresh = card(msk(23, 9), { overdueLevel: 2 })
    expect(slaProgress(fresh, 3, msk(23, 10), DEFAULT_CALENDAR)).toMatchObject({
      level: 2,
      state: 'over',
    })
  })
})

describe('isOverdue', () => {
  it('says what slaProgress says, for cards with and without a server deadline', () => {
    const cards = [
      card(msk(23, 9)),
      card(msk(23, 9), { dueAt: msk(26, 9).toISOString() }),
      card(msk(20, 17), { dueAt: msk(25, 17).toISOString(), overdueLevel: 1 }),
      card(msk(27, 17)),
    ]
    for (const c of cards) {
      for (let day = 23; day <= 30; day++) {
        for (const hour of [8, 12, 19]) {
          const now = msk(day, hour)
          expect(isOverdue(c, 2, now, DEFAULT_CALENDAR)).toBe(
            slaProgress(c, 2, now, DEFAULT_CALENDAR).level > 0,
          )
        }
      }
    }
  })
})
