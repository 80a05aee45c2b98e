import { TIERS } from '../../../schema/enums'
import { useState } from 'preact/hooks'
import { Grade } from '../../../schema/members'
import { getLoadSettings, saveLoadSettings, type LoadSettingsDoc } from '../api/member-edits'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { TextField } from '../components/text-field'
import { useLoaded } from '../components/use-loaded'
import './admin.css'
import { LIMITS } from '../../../schema/limits'

type Draft = Record<string, string>

const draftOf = (doc: LoadSettingsDoc): Draft => ({
  ...Object.fromEntries(Grade.options.map((g) => [`capacity.${g}`, String(doc.load.capacity[g])])),
  ...Object.fromEntries(TIERS.map((x) => [`tierWeight.${x}`, String(doc.load.tierWeight[x])])),
})

/** Load points each grade carries at 100 %, and how much a client of each tier weighs. */
export function LoadSection() {
  const { data, failed, reload } = useLoaded(getLoadSettings)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!data) return <LoadingState />
  return <LoadForm key={data.version} doc={data} onSaved={reload} />
}

function LoadForm({ doc, onSaved }: { doc: LoadSettingsDoc; onSaved: () => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<Draft>(() => draftOf(doc))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const field = (key: string, label: string) => (
    <TextField
      key={key}
      id={`load-${key.replace('.', '-')}`}
      label={label}
      type="number"
      min={LIMITS.loadWeight.min}
      max={LIMITS.loadWeight.max}
      step="any"
      value={draft[key] ?? ''}
      errors={errors[key]}
      onValue={(value) => setDraft((d) => ({ ...d, [key]: value }))}
    />
  )

  const save = async () => {
    const local: FieldErrors = {}
    const value = (key: string) => {
      const n = Number(draft[key])
      if ((draft[key] ?? '').trim() === '' || !Number.isFinite(n)) local[key] = [t('admin.number')]
      return n
    }
    const capacity = Object.fromEntries(Grade.options.map((g) => [g, value(`capacity.${g}`)]))
    const tierWeight = Object.fromEntries(TIERS.map((x) => [x, value(`tierWeight.${x}`)]))
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setSaving(true)
    try {
      await saveLoadSettings({
        version: doc.version,
        load: {
          ...doc.load,
          capacity: { ...doc.load.capacity, ...capacity },
          tierWeight: { ...doc.load.tierWeight, ...tierWeight },
        },
      })
      toast(t('admin.saved'), 'info')
      onSaved()
    } catch (error) {
      setErrors(saveErrors(error, t, {}, 'load'))
      setSaving(false)
    }
  }

  const shown = Object.keys(draft)
  return (
    <form
      noValidate
      class="admin-list"
      aria-label={t('admin.load')}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <FormNotice errors={errors} shown={shown} />
      <fieldset class="settings-card admin-fieldset">
        <legend class="settings-card__title">{t('admin.load.capacity')}</legend>
        <p class="settings-field__note">{t('admin.load.capacity.hint')}</p>
        <div class="admin-form__grid">
          {Grade.options.map((g) => field(`capacity.${g}`, t(`grade.${g}`)))}
        </div>
      </fieldset>
      <fieldset class="settings-card admin-fieldset">
        <legend class="settings-card__title">{t('admin.load.tiers')}</legend>
        <p class="settings-field__note">{t('admin.load.tiers.hint')}</p>
        <div class="admin-form__grid">
          {TIERS.map((x) => field(`tierWeight.${x}`, t(`admin.load.tier.${x}`)))}
        </div>
      </fieldset>
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  )
}
