import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api/client'
import { addAbsence, listAbsences, removeAbsence, type Absence, type TeamMember } from '../api/team'
import { useI18n } from '../i18n'
import { absenceProblem } from './absence-draft'
import { formatDays } from '../load/load-format'

interface Props {
  member: TeamMember
  /** An absence was added or removed: the team's numbers may have changed. */
  onChanged: () => void
}

/** A member's absences: the list with a remove button each, and a form to add one. */
export function AbsenceEditor({ member, onChanged }: Props) {
  const { t, locale } = useI18n()
  const [list, setList] = useState<Absence[] | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [tried, setTried] = useState(false)

  const reload = (signal?: AbortSignal) =>
    listAbsences(member.id, signal)
      .then(setList)
      .catch((e: unknown) => {
        if (!signal?.aborted) fail(e)
      })

  useEffect(() => {
    const abort = new AbortController()
    void reload(abort.signal)
    return () => abort.abort()
  }, [member.id])

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) return
    setError(
      e instanceof ApiError && e.code === 'forbidden'
        ? t('team.absences.forbidden')
        : t('team.absences.failed', { reason: e instanceof Error ? e.message : String(e) }),
    )
  }

  const problem = absenceProblem(from, to)
  const submit = async (event: Event) => {
    event.preventDefault()
    setTried(true)
    if (problem) return
    setBusy(true)
    setError(null)
    try {
      await addAbsence(member.id, { from, to, reason: reason.trim() })
      setFrom('')
      setTo('')
      setReason('')
      setTried(false)
      await reload()
      onChanged()
    } catch (e) {
      fail(e)
    }
    setBusy(false)
  }

  const remove = async (absence: Absence) => {
    setBusy(true)
    setError(null)
    try {
      await removeAbsence(absence.id)
      await reload()
      onChanged()
    } catch (e) {
      fail(e)
    }
    setBusy(false)
  }

  return (
    <div class="absences">
      <h3 class="absences__title">{t('team.absences.title', { name: member.name })}</h3>
      {list === null ? (
        <p class="absences__empty">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p class="absences__empty">{t('team.absences.empty')}</p>
      ) : (
        <ul class="absences__list">
          {list.map((a) => (
            <li key={a.id} class="absences__item">
              <span>
                {formatDays(locale, a.from, a.to)}
                {a.reason && (
                  <span class="absences__reason">
                    {' · '}
                    <bdi>{a.reason}</bdi>
                  </span>
                )}
              </span>
              <button
                type="button"
                class="link-button"
                disabled={busy}
                aria-label={t('team.absences.remove.label', {
                  dates: formatDays(locale, a.from, a.to),
                })}
                onClick={() => void remove(a)}
              >
                {t('team.absences.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="absences__form" onSubmit={(e) => void submit(e)} noValidate>
        <label class="field">
          <span class="field__label">{t('team.absences.from')}</span>
          <input
            class="input"
            type="date"
            value={from}
            aria-invalid={tried && problem === 'from'}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">{t('team.absences.to')}</span>
          <input
            class="input"
            type="date"
            value={to}
            min={from || undefined}
            aria-invalid={tried && (problem === 'to' || problem === 'order')}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </label>
        <label class="field absences__reason-field">
          <span class="field__label">{t('team.absences.reason')}</span>
          <input
            class="input"
            value={reason}
            maxLength={200}
            placeholder={t('team.absences.reason.placeholder')}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('team.absences.add')}
        </button>
      </form>
      {tried && problem && (
        <p class="absences__error" role="alert">
          {t(problem === 'order' ? 'team.absences.error.order' : 'team.absences.error.dates')}
        </p>
      )}
      {error && (
        <p class="absences__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
