import { useState } from 'preact/hooks'
import { JOURNAL_BODY_MAX, type JournalEntry } from '../../../schema/journal'
import { patchJournalEntry } from '../api/record'
import { useI18n } from '../i18n'
import { recordFailed } from '../record/record-errors'

interface Props {
  entry: JournalEntry
  onSaved: (entry: JournalEntry) => void
  onCancel: () => void
}

/** Corrects an entry's text; the version it replaces stays in the entry's trail. */
export function JournalCorrect({ entry, onSaved, onCancel }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const [body, setBody] = useState(entry.body)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    if (!body.trim() || body === entry.body) return onCancel()
    setSaving(true)
    try {
      onSaved(await patchJournalEntry(entry.id, { version: entry.version, body }))
    } catch (error) {
      recordFailed(error, i18n)
    } finally {
      setSaving(false)
    }
  }
  return (
    <form
      class="form journal-correct"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault()
          void save()
        }
      }}
    >
      <textarea
        class="input journal-add__body"
        rows={3}
        maxLength={JOURNAL_BODY_MAX}
        aria-label={t('journal.correct')}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
      />
      <div class="form__actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('record.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving || !body.trim()}>
          {t('journal.correct.save')}
        </button>
      </div>
    </form>
  )
}
