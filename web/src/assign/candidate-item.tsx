import { useEffect, useRef, useState } from 'preact/hooks'
import type { Candidate } from '../api/assignments'
import { useI18n } from '../i18n'
import { DEFAULT_THRESHOLDS, formatPercent, loadLevel } from '../load/load-format'
import { UtilBar } from '../load/util-bar'

interface Props {
  candidate: Candidate
  rank: number
  /** The top suggestion: picking anyone else needs a reason. */
  top: Candidate | undefined
  /** Already holds the slot. */
  holds: boolean
  /** Chosen instead of the top suggestion: the reason form is open. */
  picked: boolean
  busy: boolean
  /** The track length all candidates' bars share. */
  scale: number
  onPick: (on: boolean) => void
  onAssign: (reason?: string) => void
}

/** One ranked candidate: utilisation before → after, overdue cards, and the way to assign. */
export function CandidateItem({
  scale,
  candidate: c,
  rank,
  top,
  holds,
  picked,
  busy,
  onPick,
  onAssign,
}: Props) {
  const { t, plural, locale } = useI18n()
  const [reason, setReason] = useState('')
  const field = useRef<HTMLTextAreaElement>(null)
  const best = top?.memberId === c.memberId
  const before = formatPercent(locale, c.utilizationBefore)
  const after = formatPercent(locale, c.utilizationAfter)
  const level = loadLevel(c.utilizationAfter, DEFAULT_THRESHOLDS)
  const nameId = `candidate-${c.memberId}`

  useEffect(() => {
    if (picked) field.current?.focus()
    else setReason('')
  }, [picked])

  return (
    <li
      class={`candidate${best ? ' candidate--best' : ''}${picked ? ' candidate--picked' : ''}`}
      data-member-id={c.memberId}
      aria-labelledby={nameId}
    >
      <span class="candidate__rank" aria-hidden="true">
        {rank}
      </span>
      <div class="candidate__who">
        <p class="candidate__name" id={nameId}>
          {c.name}
          {best && <span class="candidate__badge">{t('assign.best')}</span>}
        </p>
        <p class="candidate__facts">
          <span>{t(`grade.${c.grade}`)}</span>
          <span class={c.overdueCount > 0 ? 'candidate__overdue' : ''}>
            {c.overdueCount > 0 ? plural('assign.overdue', c.overdueCount) : t('assign.noOverdue')}
          </span>
          {holds && <span class="candidate__holds">{t('assign.holds')}</span>}
          {!holds && level === 'over' && (
            <span class="candidate__warn">{t('assign.overAfter')}</span>
          )}
        </p>
      </div>
      <div class="candidate__load">
        <UtilBar
          value={c.utilizationBefore}
          after={c.utilizationAfter}
          scale={scale}
          label={t('assign.load.label', { before, after })}
        />
        <span class="candidate__pct">
          <span class={`util-text util-text--${loadLevel(c.utilizationBefore)}`}>{before}</span>
          <span aria-hidden="true"> → </span>
          <strong class={`util-text util-text--${level}`}>{after}</strong>
        </span>
      </div>
      <div class="candidate__action">
        {holds ? (
          <span class="candidate__assigned">{t('assign.assigned')}</span>
        ) : best ? (
          <button
            type="button"
            class="button button--primary"
            disabled={busy}
            aria-describedby={nameId}
            onClick={() => onAssign()}
          >
            {t('assign.assign')}
          </button>
        ) : (
          <button
            type="button"
            class="button"
            disabled={busy}
            aria-expanded={picked}
            aria-describedby={nameId}
            onClick={() => onPick(!picked)}
          >
            {t('assign.pick')}
          </button>
        )}
      </div>
      {picked && (
        <form
          class="candidate__reason"
          onSubmit={(event) => {
            event.preventDefault()
            if (reason.trim()) onAssign(reason.trim())
          }}
        >
          <label class="field">
            <span class="field__label">
              {t('assign.reason', { name: top?.name ?? '' })}
              <span class="candidate__required"> *</span>
            </span>
            <textarea
              ref={field}
              class="input candidate__reason-input"
              value={reason}
              maxLength={500}
              rows={2}
              required
              placeholder={t('assign.reason.placeholder')}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          <div class="candidate__reason-actions">
            <button type="button" class="button" onClick={() => onPick(false)}>
              {t('assign.cancel')}
            </button>
            <button type="submit" class="button button--primary" disabled={busy || !reason.trim()}>
              {t('assign.assignWithReason', { name: c.name })}
            </button>
          </div>
        </form>
      )}
    </li>
  )
}
