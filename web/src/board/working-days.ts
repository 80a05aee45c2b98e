import type { Client } from '../../../schema/clients'
import { workingDaysBetween, type Calendar } from '../../../shared/clock'

/** How far a card is into its SLA: drives the progress mark and the overdue marker. */
export type SlaState = 'ok' | 'warn' | 'over'

/** 0 on time, 1 past the SLA, 2 past twice the SLA (the server's `overdueLevel`). */
export type OverdueLevel = 0 | 1 | 2

/** From this share of the SLA on, the progress mark turns amber. */
export const WARN_SHARE = 0.75

/** What of a card the clock reads: when its stint began, and what the server made of it. */
export type Stint = Pick<Client, 'enteredStageAt' | 'dueAt' | 'overdueLevel'>

/** Time in stage against the SLA: elapsed working days, the share used, the level and state. */
export interface SlaProgress {
  days: number
  share: number
  level: OverdueLevel
  state: SlaState
}

const dueTime = (card: Stint) => (card.dueAt ? Date.parse(card.dueAt) : Number.NaN)

/**
 * Time in stage in working days of the organisation calendar (the clock the server's sweep
 * uses), against the SLA. The server's `dueAt` decides the first overdue level when it is
 * known, so the marker agrees with the sweep; twice the SLA in working days is level 2. A level
 * the sweep has already set is never shown lower.
 */
export function slaProgress(
  card: Stint,
  slaDays: number,
  now: Date,
  calendar: Calendar,
): SlaProgress {
  const entered = Date.parse(card.enteredStageAt)
  const days = Number.isNaN(entered) ? 0 : workingDaysBetween(entered, now.getTime(), calendar)
  let share = slaDays > 0 ? days / slaDays : 0
  const due = dueTime(card)
  if (!Number.isNaN(due)) share = now.getTime() > due ? Math.max(share, 1.01) : Math.min(share, 1)
  const own: OverdueLevel = share > 2 ? 2 : share > 1 ? 1 : 0
  const level = Math.max(own, card.overdueLevel) as OverdueLevel
  const state: SlaState = level > 0 ? 'over' : share >= WARN_SHARE ? 'warn' : 'ok'
  return { days, share, level, state }
}

/**
 * Whether a card is overdue, as {@link slaProgress} would say, but without counting working
 * time when the server's deadline answers it: phase counts and the filter ask this of every
 * card on the board, thousands of them, each time a column changes.
 */
export function isOverdue(card: Stint, slaDays: number, now: Date, calendar: Calendar): boolean {
  if (card.overdueLevel > 0) return true
  const due = dueTime(card)
  if (!Number.isNaN(due)) return now.getTime() > due
  return slaProgress(card, slaDays, now, calendar).level > 0
}
