/** How far a card is into its SLA: drives the progress mark and the overdue marker. */
export type SlaState = 'ok' | 'warn' | 'over'

/** From this share of the SLA on, the progress mark turns amber. */
export const WARN_SHARE = 0.75

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate())
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n)
const isWeekday = (d: Date) => d.getDay() !== 0 && d.getDay() !== 6

/**
 * Working days (Monday to Friday, in the viewer's local time) between two instants, as a
 * fraction: Friday 18:00 → Monday 06:00 is 0.25. Saturdays and Sundays never count, so a card
 * does not go overdue over a weekend. The org calendar (holidays, hours) replaces this later.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  if (Number.isNaN(from.getTime()) || !(to.getTime() > from.getTime())) return 0
  let total = 0
  let cursor = from
  while (cursor < to) {
    const dayStart = startOfDay(cursor)
    // Whole weeks in one step: a week holds five working days wherever it starts.
    if (cursor.getTime() === dayStart.getTime()) {
      const weekLater = addDays(cursor, 7)
      if (weekLater <= to) {
        total += 5
        cursor = weekLater
        continue
      }
    }
    const dayEnd = addDays(dayStart, 1)
    const end = dayEnd < to ? dayEnd : to
    // Divide by the real day length, so the 23- and 25-hour days of DST still count as one.
    if (isWeekday(cursor)) {
      total += (end.getTime() - cursor.getTime()) / (dayEnd.getTime() - dayStart.getTime())
    }
    cursor = end
  }
  return total
}

/** Time in stage against the SLA: elapsed working days, the share used, and the state. */
export interface SlaProgress {
  days: number
  share: number
  state: SlaState
}

/**
 * Overdue means strictly more working days in the stage than its SLA allows. When the server
 * sent `dueAt` (its org working-time clock, the one the overdue sweep uses), that decides
 * overdue, so the marker agrees with the server; the Mon–Fri count still gives the days shown.
 */
export function slaProgress(
  enteredStageAt: string,
  slaDays: number,
  now: Date,
  dueAt?: string | null,
): SlaProgress {
  const days = workingDaysBetween(new Date(enteredStageAt), now)
  let share = slaDays > 0 ? days / slaDays : 0
  const due = dueAt ? new Date(dueAt).getTime() : Number.NaN
  if (!Number.isNaN(due)) share = now.getTime() > due ? Math.max(share, 1.01) : Math.min(share, 1)
  const state: SlaState = share > 1 ? 'over' : share >= WARN_SHARE ? 'warn' : 'ok'
  return { days, share, state }
}
