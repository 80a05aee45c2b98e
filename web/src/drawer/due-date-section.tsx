import { useEffect, useState } from 'preact/hooks'
import type { Client, ClientPatch } from '../../../schema/clients'
import { dueState } from '../board/due-date'
import { useI18n } from '../i18n'

interface Props {
  client: Client
  editable: boolean
  onSave: (patch: Omit<ClientPatch, 'version'>) => Promise<boolean>
}

/** The card's own due date: a day picked, saved or cleared as an edit of the card. */
export function DueDateSection({ client, editable, onSave }: Props) {
  const { t, date } = useI18n()
  const [day, setDay] = useState(client.dueDate ?? '')
  const [saving, setSaving] = useState(false)
  useEffect(() => setDay(client.dueDate ?? ''), [client.id, client.version])
  const save = async (dueDate: string | null) => {
    setSaving(true)
    await onSave({ dueDate })
    setSaving(false)
  }
  const overdue = client.dueDate !== null && dueState(client.dueDate, new Date()) === 'overdue'
  return (
    <section class="drawer__section" aria-labelledby="due-title">
      <h3 id="due-title" class="drawer__section-title">
        {t('due.title')}
        {client.dueDate && (
          <span class={`drawer__count${overdue ? ' due--overdue' : ''}`}>
            {overdue ? t('card.due.overdue', { date: date(client.dueDate) }) : date(client.dueDate)}
          </span>
        )}
      </h3>
      {editable ? (
        <form
          class="due-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (day && day !== client.dueDate) void save(day)
          }}
        >
          <input
            type="date"
            class="input"
            value={day}
            aria-label={t('due.input')}
            onInput={(e) => setDay(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={saving || !day || day === client.dueDate}>
            {t('due.save')}
          </button>
          {client.dueDate && (
            <button
              type="button"
              class="link-button"
              disabled={saving}
              onClick={() => void save(null)}
            >
              {t('due.clear')}
            </button>
          )}
        </form>
      ) : (
        !client.dueDate && <p class="drawer__empty">{t('due.none')}</p>
      )}
    </section>
  )
}
