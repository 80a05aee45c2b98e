import { useEffect, useId, useState } from 'preact/hooks'
import type { Client, ClientPatch, Tier } from '../../../schema/clients'
import { useI18n } from '../i18n'
import { FieldError, invalidProps } from '../components/field-error'
import { TierScoreFields } from '../components/tier-score-fields'
import { LIMITS } from '../../../schema/limits'

interface Props {
  client: Client
  editable: boolean
  onSave: (patch: Omit<ClientPatch, 'version'>) => Promise<boolean>
}

interface Draft {
  name: string
  company: string
  tier: Tier
  score: string
}

const draftOf = (c: Client): Draft => ({
  name: c.name,
  company: c.company,
  tier: c.tier,
  score: c.score === null ? '' : String(c.score),
})

/** Name, company, tier and score; saved together with the version the form was filled from. */
export function DetailsSection({ client, editable, onSave }: Props) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(() => draftOf(client))
  const [saving, setSaving] = useState(false)
  // A newer copy of the card (a save, a conflict, a move) resets the form to it.
  useEffect(() => setDraft(draftOf(client)), [client.id, client.version])

  const score = draft.score.trim() === '' ? null : Number(draft.score)
  const scoreValid = score === null || (Number.isInteger(score) && score >= 0 && score <= 100)
  const ids = { name: useId(), company: useId() }
  const missing = {
    name: draft.name.trim() === '' ? [t('form.required')] : undefined,
    company: draft.company.trim() === '' ? [t('form.required')] : undefined,
  }
  const valid = !missing.name && !missing.company && scoreValid
  const changed: Omit<ClientPatch, 'version'> = {}
  if (draft.name.trim() !== client.name) changed.name = draft.name.trim()
  if (draft.company.trim() !== client.company) changed.company = draft.company.trim()
  if (draft.tier !== client.tier) changed.tier = draft.tier
  if (scoreValid && score !== client.score) changed.score = score
  const dirty = Object.keys(changed).length > 0
  // Anything typed, even what cannot be saved (a score of 150), can always be thrown away.
  const edited = JSON.stringify(draft) !== JSON.stringify(draftOf(client))
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  return (
    <section class="drawer__section" aria-labelledby="details-title">
      <h3 id="details-title" class="drawer__section-title">
        {t('drawer.details')}
      </h3>
      <form
        class="form"
        onSubmit={async (event) => {
          event.preventDefault()
          if (!valid || !dirty) return
          setSaving(true)
          await onSave(changed)
          setSaving(false)
        }}
      >
        <label class="field">
          <span class="field__label">{t('drawer.field.name')}</span>
          <input
            class="input"
            value={draft.name}
            maxLength={LIMITS.name}
            required
            disabled={!editable}
            {...invalidProps(ids.name, missing.name)}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
          <FieldError id={ids.name} messages={missing.name} />
        </label>
        <label class="field">
          <span class="field__label">{t('drawer.field.company')}</span>
          <input
            class="input"
            value={draft.company}
            maxLength={LIMITS.name}
            required
            disabled={!editable}
            {...invalidProps(ids.company, missing.company)}
            onInput={(e) => set({ company: e.currentTarget.value })}
          />
          <FieldError id={ids.company} messages={missing.company} />
        </label>
        <TierScoreFields
          tier={draft.tier}
          score={draft.score}
          onTier={(tier) => set({ tier })}
          onScore={(score) => set({ score })}
          scoreInvalid={!scoreValid}
          disabled={!editable}
        />
        {editable && (
          <div class="form__actions">
            <button
              type="button"
              class="button"
              disabled={!edited || saving}
              onClick={() => setDraft(draftOf(client))}
            >
              {t('drawer.reset')}
            </button>
            <button
              type="submit"
              class="button button--primary"
              disabled={!dirty || !valid || saving}
            >
              {saving ? t('drawer.saving') : t('drawer.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
