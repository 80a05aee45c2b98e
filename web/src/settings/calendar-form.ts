import type { Calendar } from '../../../shared/clock'

/** What a calendar form may complain about before asking the server. */
export type CalendarProblem = 'zone' | 'days' | 'hours'

/** Local checks, the same rules the server applies (it still has the last word). */
export function calendarProblems(cal: Calendar): Partial<Record<keyof Calendar, CalendarProblem>> {
  const problems: Partial<Record<keyof Calendar, CalendarProblem>> = {}
  if (!cal.timeZone.trim()) problems.timeZone = 'zone'
  if (cal.workingDays.length === 0) problems.workingDays = 'days'
  if (!(cal.workStart < cal.workEnd)) problems.workEnd = 'hours'
  return problems
}

/** Switches one ISO weekday (1 = Monday … 7 = Sunday) on or off; the list stays sorted. */
export function toggleDay(days: readonly number[], day: number): number[] {
  const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day]
  return next.sort((a, b) => a - b)
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Adds a "YYYY-MM-DD" holiday once; the list stays in date order. Bad input changes nothing. */
export function addHoliday(holidays: readonly string[], date: string): string[] {
  if (!DATE.test(date) || Number.isNaN(Date.parse(date)) || holidays.includes(date)) {
    return [...holidays]
  }
  return [...holidays, date].sort()
}

export function removeHoliday(holidays: readonly string[], date: string): string[] {
  return holidays.filter((d) => d !== date)
}

/** Whether two calendars say the same (the form is unchanged). */
export function sameCalendar(a: Calendar, b: Calendar): boolean {
  return (
    a.timeZone === b.timeZone &&
    a.workStart === b.workStart &&
    a.workEnd === b.workEnd &&
    a.workingDays.join() === b.workingDays.join() &&
    a.holidays.join() === b.holidays.join()
  )
}

/** The calendar as the server takes it: a trimmed zone, days and holidays sorted, no repeats. */
export function normalizeCalendar(cal: Calendar): Calendar {
  return {
    timeZone: cal.timeZone.trim(),
    workingDays: [...new Set(cal.workingDays)].sort((a, b) => a - b),
    workStart: cal.workStart,
    workEnd: cal.workEnd,
    holidays: [...new Set(cal.holidays)].sort(),
  }
}

/** Monday to Sunday (ISO 1–7) in the reader's language: short and full names. */
export function weekdays(locale: string): { day: number; short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const at = new Date(Date.UTC(2024, 0, 1 + i))
    return { day: i + 1, short: short.format(at), long: long.format(at) }
  })
}

/** A holiday as people read it ("1 января 2027, пт"), the same in every time zone. */
export function holidayLabel(date: string, locale: string): string {
  const at = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(at.getTime())) return date
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(at)
}
