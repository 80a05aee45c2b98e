import { OUTCOMES } from '../../../schema/enums'
import { useState } from 'preact/hooks'
import type { Outcome, RecordOption } from '../../../schema/record'
import { OUTCOMES_WITH_REASON } from '../../../schema/record'
import { FieldError, invalidProps } from '../components/field-error'
import { useI18n } from '../i18n'
import { RecordDialog } from './record-dialog'

interface Props {
  options: RecordOption[]
  /** Archives the card with the outcome; true when it went through. */
  onArchive: (a: {
    outcome: Outcome
    outcomeReasonId?: string
    outcomeNote: string
  }) => Promise<boolean>
  onClose: () => void
}

/** Archiving asks how the card left: won, lost, churned or other; lost and churned say why. */
export function ArchiveDialog({ options, onArchive, onClose }: Props) {
  const { t, text } = useI18n()
  const [outcome, setOutcome] = useState<Outcome>('won')
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [tried, setTried] = useState(false)
  const needsReason = OUTCOMES_WITH_REASON.includes(outcome)
  const missing = needsReason && !reason && tried ? [t('archive.reasonRequired')] : undefined
  const reasons = options.filter((o) => o.list === 'loss_reason' && !o.archived)

  return (
    <RecordDialog
      title={t('archive.title')}
      onClose={onClose}
      onSubmit={async () => {
        setTried(true)
        if (needsReason && !reason) return false
        return onArchive({
          outcome,
          ...(needsReason || reason ? { outcomeReasonId: reason } : {}),
          outcomeNote: note,
        })
      }}
      actions={
        <>
          <button type="button" class="button" onClick={onClose}>
            {t('record.cancel')}
          </button>
          <button type="submit" class="button button--primary">
            {t('archive.confirm')}
          </button>
        </>
      }
    >
      <fieldset class="archive-outcomes">
        <legend class="field__label">{t('archive.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} class="check">
            <input
              type="radio"
              name="outcome"
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`archive.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      {(needsReason || outcome === 'other') && (
        <label class="field">
          <span class="field__label">
            {needsReason ? t('archive.reason') : t('archive.reasonOptional')}
          </span>
          <select
            class="input"
            value={reason}
            {...invalidProps('archive-reason', missing)}
            onChange={(e) => setReason(e.currentTarget.value)}
          >
            <option value="">—</option>
            {reasons.map((o) => (
              <option key={o.id} value={o.id}>
                {text(o.name)}
              </option>
            ))}
          </select>
          <FieldError id="archive-reason" messages={missing} />
        </label>
      )}
      <label class="field">
        <span class="field__label">{t('archive.note')}</span>
        <input
          class="input"
          maxLength={1000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
    </RecordDialog>
  )
}
