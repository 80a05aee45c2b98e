import type { Calendar } from '../../../shared/clock'
import { answer, api, type GetAnswer } from './client'

export type { Calendar }

/** The organisation calendar with its version (0 while it was never saved). */
export type CalendarSetting = GetAnswer<'/api/settings/calendar'>

export function getCalendar(signal?: AbortSignal): Promise<CalendarSetting> {
  return answer(api.GET('/api/settings/calendar', { signal }))
}

/** Saves the calendar; send the version you loaded (409 `version_conflict` carries `current`). */
export function saveCalendar(setting: CalendarSetting): Promise<CalendarSetting> {
  return answer(api.PATCH('/api/settings/calendar', { body: setting }))
}
