/** How a due date stands against today: past it, on it, within three days, or later. */
export type DueState = 'overdue' | 'today' | 'soon' | 'later'

/** A calendar day (YYYY-MM-DD) as the user's own clock sees `now`. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

const DAY_MS = 86_400_000

/** Days from `today` to `day` (both YYYY-MM-DD), negative when `day` has passed. */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
}

/** Where a due date stands: overdue after its day ends, "soon" within the next three days. */
export function dueState(dueDate: string, now: Date): DueState {
  const days = daysUntil(dueDate, localDay(now))
  return days < 0 ? 'overdue' : days === 0 ? 'today' : days <= 3 ? 'soon' : 'later'
}
