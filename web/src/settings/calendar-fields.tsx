import { useMemo, useState } from 'preact/hooks'
import type { Calendar } from '../../../shared/clock'
import { workdayMs } from '../../../shared/clock'
import { CloseIcon } from '../components/icons'
import { useI18n } from '../i18n'
import { addHoliday, holidayLabel, removeHoliday, toggleDay, weekdays } from './calendar-form'
import { FieldError, invalidProps } from '../components/save-failure'
import type { FieldErrors } from '../components/form-errors'
import { COMMON_ZONES, zoneClock, zoneOffset } from './time-zones'

interface Props {
  calendar: Calendar
  errors: FieldErrors
  onChange: (next: Calendar) => void
}

const OTHER = '__other'

/** Time zone, working days and hours, holidays: the controls of the calendar form. */
export function CalendarFields({ calendar, errors, onChange }: Props) {
  const { t, locale, number } = useI18n()
  const set = (patch: Partial<Calendar>) => onChange({ ...calendar, ...patch })
  const listed = COMMON_ZONES.includes(calendar.timeZone)
  const [typing, setTyping] = useState(false)
  // A zone outside the list is always shown as typed, e.g. after a reload brought one in.
  const typed = typing || !listed
  const [holiday, setHoliday] = useState('')
  const now = useMemo(() => new Date(), [])
  const days = useMemo(() => weekdays(locale), [locale])
  const hours = workdayMs(calendar) / 3_600_000
  const offset = zoneOffset(calendar.timeZone, now)
  const addTyped = () => {
    if (!holiday) return
    set({ holidays: addHoliday(calendar.holidays, holiday) })
    setHoliday('')
  }

  return (
    <div class="calendar-fields">
      <div class="settings-field">
        <label class="settings-field__label" for="cal-zone">
          {t('settings.calendar.zone')}
        </label>
        <div class="settings-field__row">
          <select
            id="cal-zone"
            class="select"
            value={typed ? OTHER : calendar.timeZone}
            {...invalidProps('cal-zone-error', typed ? undefined : errors.timeZone)}
            onChange={(event) => {
              const value = event.currentTarget.value
              setTyping(value === OTHER)
              if (value !== OTHER) set({ timeZone: value })
            }}
          >
            {COMMON_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {zone} · {zoneOffset(zone, now)}
              </option>
            ))}
            <option value={OTHER}>{t('settings.calendar.zone.other')}</option>
          </select>
          {typed && (
            <input
              class="input settings-field__zone"
              value={calendar.timeZone}
              placeholder="Asia/Kolkata"
              spellcheck={false}
              aria-label={t('settings.calendar.zone.typed')}
              {...invalidProps('cal-zone-error', errors.timeZone)}
              onInput={(event) => set({ timeZone: event.currentTarget.value })}
            />
          )}
        </div>
        <FieldError id="cal-zone-error" messages={errors.timeZone} />
        <p class="settings-field__note">
          {offset
            ? t('settings.calendar.zone.now', {
                time: zoneClock(calendar.timeZone, now, locale),
                offset,
              })
            : t('settings.calendar.zone.unknown')}
        </p>
      </div>

      <fieldset class="settings-field">
        <legend class="settings-field__label">{t('settings.calendar.days')}</legend>
        <div class="day-picker" {...invalidProps('cal-days-error', errors.workingDays)}>
          {days.map(({ day, short, long }) => (
            <label key={day} class="day-picker__day" title={long}>
              <input
                type="checkbox"
                checked={calendar.workingDays.includes(day)}
                aria-label={long}
                onChange={() => set({ workingDays: toggleDay(calendar.workingDays, day) })}
              />
              <span aria-hidden="true">{short}</span>
            </label>
          ))}
        </div>
        <FieldError id="cal-days-error" messages={errors.workingDays} />
      </fieldset>

      <fieldset class="settings-field">
        <legend class="settings-field__label">{t('settings.calendar.hours')}</legend>
        <div class="settings-field__row">
          <input
            type="time"
            class="input"
            value={calendar.workStart}
            required
            aria-label={t('settings.calendar.hours.start')}
            {...invalidProps('cal-start-error', errors.workStart)}
            onInput={(event) => set({ workStart: event.currentTarget.value })}
          />
          <span aria-hidden="true">—</span>
          <input
            type="time"
            class="input"
            value={calendar.workEnd}
            required
            aria-label={t('settings.calendar.hours.end')}
            {...invalidProps('cal-end-error', errors.workEnd)}
            onInput={(event) => set({ workEnd: event.currentTarget.value })}
          />
          {hours > 0 && (
            <span class="settings-field__note">
              {t('settings.calendar.hours.length', { n: number(hours) })}
            </span>
          )}
        </div>
        <FieldError id="cal-start-error" messages={errors.workStart} />
        <FieldError id="cal-end-error" messages={errors.workEnd} />
        <p class="settings-field__note">{t('settings.calendar.hours.note')}</p>
      </fieldset>

      <fieldset class="settings-field">
        <legend class="settings-field__label">
          {t('settings.calendar.holidays')}
          <span class="settings-field__count">{number(calendar.holidays.length)}</span>
        </legend>
        {calendar.holidays.length === 0 ? (
          <p class="settings-field__note">{t('settings.calendar.holidays.empty')}</p>
        ) : (
          <ul class="holiday-list" aria-label={t('settings.calendar.holidays')}>
            {calendar.holidays.map((date) => {
              const label = holidayLabel(date, locale)
              return (
                <li key={date} class="holiday" data-date={date}>
                  <time dateTime={date}>{label}</time>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={t('settings.calendar.holidays.remove', { date: label })}
                    title={t('settings.calendar.holidays.remove', { date: label })}
                    onClick={() => set({ holidays: removeHoliday(calendar.holidays, date) })}
                  >
                    <CloseIcon />
                  </button>
                </li>
              )
            })}
          </ul>
        )}
        <div class="settings-field__row">
          <input
            type="date"
            class="input"
            value={holiday}
            aria-label={t('settings.calendar.holidays.new')}
            {...invalidProps('cal-holidays-error', errors.holidays)}
            onInput={(event) => setHoliday(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return
              event.preventDefault()
              addTyped()
            }}
          />
          <button type="button" class="button" disabled={!holiday} onClick={addTyped}>
            {t('settings.calendar.holidays.add')}
          </button>
        </div>
        <FieldError id="cal-holidays-error" messages={errors.holidays} />
      </fieldset>
    </div>
  )
}
