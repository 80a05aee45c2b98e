import { useEffect, useState } from 'preact/hooks'
import { getCalendar, saveCalendar, type CalendarSetting } from '../api/calendar'
import { ApiError, isRecord } from '../api/client'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n, type MessageKey } from '../i18n'
import { errorText } from '../components/save-failure'
import type { Calendar } from '../../../shared/clock'
import {
  calendarProblems,
  normalizeCalendar,
  sameCalendar,
  type CalendarProblem,
} from './calendar-form'
import { CalendarFields } from './calendar-fields'
import { fieldErrors, otherErrors, type FieldErrors } from '../components/form-errors'

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; saved: CalendarSetting }

const PROBLEMS: Record<CalendarProblem, MessageKey> = {
  zone: 'settings.calendar.error.zone',
  days: 'settings.calendar.error.days',
  hours: 'settings.calendar.error.hours',
}
const SHOWN = ['timeZone', 'workingDays', 'workStart', 'workEnd', 'holidays']

/** The calendar of 409 answers: `current` is the saved one, with its version. */
function currentSetting(error: unknown): CalendarSetting | undefined {
  const current = error instanceof ApiError ? error.body.current : undefined
  if (!isRecord(current) || !isRecord(current.calendar) || typeof current.version !== 'number') {
    return undefined
  }
  return current as unknown as CalendarSetting
}

/** The organisation calendar: loads it, edits a copy, saves it with the version it loaded. */
export function CalendarSection() {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [draft, setDraft] = useState<Calendar | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState('')
  const [saving, setSaving] = useState(false)
  // A new revision starts the fields afresh (zone typed in, holiday being added) on a reset.
  const [revision, setRevision] = useState(0)

  const reset = (calendar: Calendar) => {
    setDraft(calendar)
    setErrors({})
    setRevision((n) => n + 1)
  }
  const take = (saved: CalendarSetting) => {
    setLoad({ status: 'ready', saved })
    reset(saved.calendar)
  }

  useEffect(() => {
    const abort = new AbortController()
    setLoad({ status: 'loading' })
    getCalendar(abort.signal)
      .then(take)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [attempt])

  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  if (load.status === 'loading' || !draft) return <LoadingState />
  const { saved } = load
  const changed = !sameCalendar(normalizeCalendar(draft), saved.calendar)

  const change = (next: Calendar) => {
    setDraft(next)
    setNotice('')
  }

  const submit = async () => {
    const problems = calendarProblems(draft)
    const local: FieldErrors = {}
    for (const [field, problem] of Object.entries(problems)) local[field] = [t(PROBLEMS[problem])]
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setSaving(true)
    setNotice('')
    try {
      take(await saveCalendar({ calendar: normalizeCalendar(draft), version: saved.version }))
      toast(t('settings.calendar.saved'), 'success')
    } catch (error) {
      const current = currentSetting(error)
      if (error instanceof ApiError && error.status === 409) {
        if (current) take(current)
        else setAttempt((n) => n + 1)
        setNotice(t('settings.calendar.conflict'))
      } else if (error instanceof ApiError && error.status === 422) {
        setErrors(fieldErrors(error, 'calendar'))
      } else if (!(error instanceof ApiError && error.status === 401)) {
        toast(t('settings.failed', { reason: errorText(error, t) }), 'error')
      }
    }
    setSaving(false)
  }

  const general = otherErrors(errors, SHOWN)

  return (
    <form
      class="settings-card"
      aria-label={t('settings.calendar')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {notice && (
        <p class="settings-notice" role="status">
          {notice}
        </p>
      )}
      {general.length > 0 && (
        <p class="settings-notice settings-notice--error" role="alert">
          {general.join(' ')}
        </p>
      )}
      <CalendarFields key={revision} calendar={draft} errors={errors} onChange={change} />
      <footer class="settings-card__actions">
        <span class="settings-card__status">
          {changed
            ? t('settings.unsaved')
            : saved.version === 0
              ? t('settings.calendar.default')
              : t('settings.version', { n: saved.version })}
        </span>
        <button
          type="button"
          class="button"
          disabled={!changed || saving}
          onClick={() => reset(saved.calendar)}
        >
          {t('settings.discard')}
        </button>
        <button type="submit" class="button button--primary" disabled={!changed || saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </footer>
    </form>
  )
}
