import { getSetting } from '../db/settings'
import { DEFAULT_CALENDAR, type Calendar } from '../domain/clock'

export const CALENDAR_KEY = 'calendar'

/** The organisation calendar, or the default (Moscow, Mon–Fri 09:00–18:00) until edited. */
export async function loadCalendar(db: D1Database) {
  return getSetting<Calendar>(db, CALENDAR_KEY, DEFAULT_CALENDAR)
}
