import type { Calendar } from '../../../worker/domain/clock'
import { request } from './client'

export type { Calendar }

/** The organisation calendar with its version (0 while it was never saved). */
export interface CalendarSetting {
  calendar: Calendar
  version: number
}

export function getCalendar(signal?: AbortSignal): Promise<CalendarSetting> {
  return request<CalendarSetting>('/api/settings/calendar', { signal })
}

/** Saves the calendar; send the version you loaded (409 `version_conflict` carries `current`). */
export function saveCalendar(setting: CalendarSetting): Promise<CalendarSetting> {
  return request<CalendarSetting>('/api/settings/calendar', { method: 'PATCH', body: setting })
}
