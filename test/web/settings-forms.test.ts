import { describe, expect, it } from 'vitest'
import type { Automation } from '../../schema/stage-clock'
import {
  createBody,
  draftFrom,
  draftProblems,
  patchBody,
} from '../../web/src/settings/automation-draft'
import {
  addHoliday,
  calendarProblems,
  holidayLabel,
  normalizeCalendar,
  removeHoliday,
  sameCalendar,
  toggleDay,
  weekdays,
} from '../../web/src/settings/calendar-form'
import { fieldErrors, otherErrors } from '../../web/src/components/form-errors'
import { isTimeZone, zoneClock, zoneOffset } from '../../web/src/settings/time-zones'
import { DEFAULT_CALENDAR } from '../../shared/clock'

describe('the calendar form', () => {
  it('keeps holidays sorted and unique, and ignores what is not a date', () => {
    const list = addHoliday(['2027-01-07'], '2027-01-01')
    expect(list).toEqual(['2027-01-01', '2027-01-07'])
    expect(addHoliday(list, '2027-01-07')).toEqual(list)
    expect(addHoliday(list, '2027-13-45')).toEqual(list)
    expect(addHoliday(list, '')).toEqual(list)
    expect(removeHoliday(list, '2027-01-01')).toEqual(['2027-01-07'])
  })

  it('switches working days on and off in weekday order', () => {
    expect(toggleDay([1, 2, 3, 4, 5], 6)).toEqual([1, 2, 3, 4, 5, 6])
    expect(toggleDay([1, 2, 3], 2)).toEqual([1, 3])
    expect(toggleDay([5], 1)).toEqual([1, 5])
  })

  it('finds the same problems the server would', () => {
    expect(calendarProblems(DEFAULT_CALENDAR)).toEqual({})
    expect(
      calendarProblems({ ...DEFAULT_CALENDAR, workingDays: [], workEnd: '09:00', timeZone: ' ' }),
    ).toEqual({ timeZone: 'zone', workingDays: 'days', workEnd: 'hours' })
  })

  it('knows an unchanged calendar, however its lists were typed in', () => {
    const edited = {
      ...DEFAULT_CALENDAR,
      workingDays: [5, 4, 3, 2, 1, 1],
      timeZone: ' Europe/Moscow',
    }
    expect(sameCalendar(edited, DEFAULT_CALENDAR)).toBe(false)
    expect(sameCalendar(normalizeCalendar(edited), DEFAULT_CALENDAR)).toBe(true)
    const holiday = { ...DEFAULT_CALENDAR, holidays: ['2027-01-01'] }
    expect(sameCalendar(holiday, DEFAULT_CALENDAR)).toBe(false)
  })

  it('names the weekdays from Monday and shows a holiday on its own date in any zone', () => {
    expect(weekdays('en').map((d) => d.short)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ])
    expect(weekdays('ru')[0]?.long).toBe('понедельник')
    expect(holidayLabel('2027-01-01', 'en')).toBe('Fri, January 1, 2027')
  })

  it('checks time zones and tells their offset', () => {
    expect(isTimeZone('Asia/Vladivostok')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    const winter = new Date('2026-11-23T12:00:00Z')
    expect(zoneOffset('Europe/Moscow', winter)).toBe('UTC+3')
    expect(zoneOffset('Asia/Kolkata', winter)).toBe('UTC+5:30')
    expect(zoneOffset('Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toBe('UTC+2')
    expect(zoneOffset('Mars/Olympus', winter)).toBe('')
    expect(zoneClock('Asia/Vladivostok', winter, 'ru')).toBe('22:00')
  })
})

describe('server field errors', () => {
  // The shape of an ApiError (its class brings the browser's fetch types into this test).
  const invalid = (fields: Record<string, string[]>) => ({ status: 422, code: 'invalid', fields })

  it('land next to the field they name, without the wrapper and list indexes', () => {
    const error = invalid({
      'calendar.timeZone': ['Unknown IANA time zone'],
      'calendar.holidays.2': ['Invalid ISO date'],
      'calendar.holidays.5': ['Invalid ISO date'],
      calendar: ['Unknown field(s): x'],
    })
    expect(fieldErrors(error, 'calendar')).toEqual({
      timeZone: ['Unknown IANA time zone'],
      holidays: ['Invalid ISO date', 'Invalid ISO date'],
      '': ['Unknown field(s): x'],
    })
    expect(fieldErrors(invalid({ 'title.ru': ['Too short'] }))).toEqual({
      'title.ru': ['Too short'],
    })
  })

  it('are none for other failures, and the unplaced ones are kept for the top of the form', () => {
    expect(fieldErrors({ status: 409, code: 'version_conflict' })).toEqual({})
    expect(fieldErrors(new Error('boom'))).toEqual({})
    expect(otherErrors({ url: ['bad'], '': ['whole'], x: ['odd'] }, ['url'])).toEqual([
      'whole',
      'odd',
    ])
  })
})

describe('the automation form', () => {
  const automation: Automation = {
    id: 'a1',
    stageId: 'contract-signed',
    kind: 'task',
    title: { ru: 'Провести обучение', en: 'Run product training' },
    template: { ru: '', en: '' },
    assigneeRoleId: 'account_manager',
    delayDays: 0,
    dueDays: 3,
    active: true,
    version: 4,
  }

  it('round-trips an automation: an untouched draft patches nothing but the version', () => {
    expect(patchBody(draftFrom(automation), automation)).toEqual({ version: 4 })
  })

  it('sends only what changed', () => {
    const draft = { ...draftFrom(automation), titleEn: ' Run the training ', dueDays: '' }
    expect(patchBody(draft, automation)).toEqual({
      version: 4,
      title: { ru: 'Провести обучение', en: 'Run the training' },
      dueDays: null,
    })
  })

  it('builds a new delayed task and a new message', () => {
    const delayed = {
      ...draftFrom(),
      kind: 'delayed_task' as const,
      titleRu: 'Запросить отзыв',
      titleEn: 'Ask for feedback',
      delayDays: '14',
      dueDays: '2',
      assigneeRoleId: 'account_manager',
    }
    expect(createBody(delayed)).toEqual({
      kind: 'delayed_task',
      title: { ru: 'Запросить отзыв', en: 'Ask for feedback' },
      template: { ru: '', en: '' },
      assigneeRoleId: 'account_manager',
      delayDays: 14,
      dueDays: 2,
      active: true,
    })
    const message = {
      ...draftFrom(),
      kind: 'message' as const,
      titleRu: 'Материалы',
      titleEn: 'Materials',
      templateRu: 'Здравствуйте, {client}!',
      templateEn: 'Hello {client}!',
    }
    expect(createBody(message)).toMatchObject({
      kind: 'message',
      template: { ru: 'Здравствуйте, {client}!', en: 'Hello {client}!' },
      assigneeRoleId: null,
      delayDays: 0,
      dueDays: null,
    })
  })

  it('asks for both titles, message texts, and sensible day counts', () => {
    expect(draftProblems(draftFrom())).toEqual({ 'title.ru': 'required', 'title.en': 'required' })
    const named = { ...draftFrom(automation) }
    expect(draftProblems({ ...named, dueDays: '-1' })).toEqual({ dueDays: 'days' })
    expect(draftProblems({ ...named, dueDays: '1.5' })).toEqual({ dueDays: 'days' })
    expect(draftProblems({ ...named, dueDays: '400' })).toEqual({ dueDays: 'days' })
    expect(draftProblems({ ...named, kind: 'delayed_task', delayDays: '0' })).toEqual({
      delayDays: 'delay',
    })
    expect(draftProblems({ ...named, kind: 'message' })).toEqual({
      'template.ru': 'required',
      'template.en': 'required',
    })
  })
})
