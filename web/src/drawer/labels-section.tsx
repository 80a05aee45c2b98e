import { useState } from 'preact/hooks'
import type { Client, ClientPatch } from '../../../schema/clients'
import { useI18n } from '../i18n'
import { LabelChips } from '../labels/label-chips'
import { useLabels } from '../labels/label-store'

interface Props {
  client: Client
  editable: boolean
  onSave: (patch: Omit<ClientPatch, 'version'>) => Promise<boolean>
}

/** The card's labels: ticked on or off one by one, each a versioned edit of the card. */
export function LabelsSection({ client, editable, onSave }: Props) {
  const { t } = useI18n()
  const labels = useLabels()
  const [saving, setSaving] = useState(false)
  const toggle = async (id: string) => {
    const on = client.labelIds.includes(id)
    setSaving(true)
    await onSave({
      labelIds: on ? client.labelIds.filter((x) => x !== id) : [...client.labelIds, id],
    })
    setSaving(false)
  }
  return (
    <section class="drawer__section" aria-labelledby="labels-title">
      <h3 id="labels-title" class="drawer__section-title">
        {t('labels.title')}
      </h3>
      {labels.size === 0 ? (
        <p class="drawer__empty">{t('labels.none')}</p>
      ) : !editable ? (
        client.labelIds.length > 0 ? (
          <LabelChips ids={client.labelIds} labels={labels} />
        ) : (
          <p class="drawer__empty">{t('labels.empty')}</p>
        )
      ) : (
        <div class="label-picker" role="group" aria-labelledby="labels-title">
          {[...labels.values()].map((l) => (
            <label key={l.id} class="label-picker__option">
              <input
                type="checkbox"
                checked={client.labelIds.includes(l.id)}
                disabled={saving}
                onChange={() => void toggle(l.id)}
              />
              <span class={`label label--${l.color}`}>{l.name}</span>
            </label>
          ))}
        </div>
      )}
    </section>
  )
}
