import { settingFrom, settingQuery } from '../db/settings'
import { DEFAULT_CALENDAR, type Calendar } from '../../shared/clock'
import { recomputeDeadlines } from './deadlines'
import { saveSetting } from './settings'

export const CALENDAR_KEY = 'calendar'

/** The read of the calendar, to batch with other reads (`calendarFrom` its result). */
export const calendarQuery = (db: D1Database) => settingQuery(db, CALENDAR_KEY)

/** The calendar in a result of `calendarQuery`, or the default until edited. */
export const calendarFrom = (result: D1Result | undefined) =>
  settingFrom<Calendar>(result, DEFAULT_CALENDAR)

/** The organisation calendar, or the default (Moscow, Mon–Fri 09:00–18:00) until edited. */
export async function loadCalendar(db: D1Database) {
  return calendarFrom(await calendarQuery(db).all())
}

/** Saves the calendar over `version` (409 when stale) and re-derives every live deadline. */
export async function saveCalendar(db: D1Database, calendar: Calendar, version: number) {
  const now = Date.now()
  const setting = {
    key: CALENDAR_KEY,
    field: 'calendar',
    what: 'The calendar was',
    load: () => loadCalendar(db),
  }
  await saveSetting(db, setting, calendar, version, now)
  await recomputeDeadlines(db, calendar, null, now)
}
