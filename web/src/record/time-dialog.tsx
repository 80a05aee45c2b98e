import { useState } from 'preact/hooks'
import { logTime } from '../api/record'
import { FieldError, invalidProps } from '../components/field-error'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { RecordDialog } from './record-dialog'
import { fieldErrors, recordFailed, today } from './record-errors'

/** "Log time" on a card: minutes (or hours and minutes), the day, and what was done. */
export function TimeDialog(props: { clientId: string; onClose: () => void; onSaved: () => void }) {
  const i18n = useI18n()
  const { t } = i18n
  const [hours, setHours] = useState('')
  const [minutes, setMinutes] = useState('')
  const [day, setDay] = useState(today())
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string[]>>({})
  const total = (Number(hours) || 0) * 60 + (Number(minutes) || 0)
  const valid = Number.isInteger(total) && total >= 1 && total <= 1440

  const submit = async () => {
    if (!valid) return false
    try {
      await logTime(props.clientId, { minutes: total, spentOn: day, note })
      toast(t('time.logged', { n: total }), 'success')
      props.onSaved()
      return true
    } catch (error) {
      const fields = fieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length === 0) recordFailed(error, i18n)
      return false
    }
  }

  return (
    <RecordDialog
      title={t('time.title')}
      onSubmit={submit}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" class="button" onClick={props.onClose}>
            {t('record.cancel')}
          </button>
          <button type="submit" class="button button--primary" disabled={!valid}>
            {t('time.save')}
          </button>
        </>
      }
    >
      <div class="form__row">
        <label class="field">
          <span class="field__label">{t('time.hours')}</span>
          <input
            class="input"
            type="number"
            min={0}
            max={24}
            value={hours}
            onInput={(e) => setHours(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">{t('time.minutes')}</span>
          <input
            class="input"
            type="number"
            min={0}
            max={1440}
            value={minutes}
            {...invalidProps('time-minutes', errors.minutes ?? errors.memberId)}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </label>
      </div>
      <FieldError id="time-minutes" messages={errors.minutes ?? errors.memberId} />
      <label class="field">
        <span class="field__label">{t('time.day')}</span>
        <input
          class="input"
          type="date"
          required
          value={day}
          onInput={(e) => setDay(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field__label">{t('time.note')}</span>
        <input
          class="input"
          maxLength={500}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
    </RecordDialog>
  )
}
