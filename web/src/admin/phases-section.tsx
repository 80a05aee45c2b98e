import { useState } from 'preact/hooks'
import { getJourney } from '../api/journey'
import { patchPhase, type Phase } from '../api/template'
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

/** The seven touchpoints: their names in both languages and their order on the board. */
export function PhasesSection() {
  const { data: journey, failed, reload } = useLoaded(getJourney)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!journey) return <LoadingState />
  const phases = [...journey.phases].sort((a, b) => a.position - b.position)
  return (
    <ul class="admin-list admin-rows">
      {phases.map((phase) => (
        <PhaseRow key={`${phase.id}:${phase.version}`} phase={phase} onSaved={reload} />
      ))}
    </ul>
  )
}

function PhaseRow({ phase, onSaved }: { phase: Phase; onSaved: () => void }) {
  const { t, text } = useI18n()
  const [draft, setDraft] = useState({
    ru: phase.name.ru,
    en: phase.name.en,
    position: String(phase.position),
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const id = (field: string) => `phase-${phase.id}-${field}`
  const changed =
    draft.ru !== phase.name.ru ||
    draft.en !== phase.name.en ||
    draft.position !== String(phase.position)

  const save = async () => {
    const position = Number(draft.position)
    if (draft.position.trim() === '' || !Number.isInteger(position)) {
      setErrors({ position: [t('admin.wholeNumber')] })
      return
    }
    setSaving(true)
    try {
      await patchPhase(phase.id, {
        version: phase.version,
        name: { ru: draft.ru, en: draft.en },
        position,
      })
      toast(t('admin.saved'), 'info')
      onSaved()
    } catch (error) {
      setErrors(saveErrors(error, t))
      setSaving(false)
    }
  }

  return (
    <li class="settings-card admin-row" data-phase-id={phase.id}>
      <form
        noValidate
        class="admin-form admin-form--inline"
        aria-label={text(phase.name)}
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <FormNotice errors={errors} shown={['name.ru', 'name.en', 'position']} />
        <div class="admin-form__grid admin-form__grid--phase">
          <TextField
            id={id('position')}
            label={t('admin.phases.position')}
            type="number"
            min={0}
            inputMode="numeric"
            value={draft.position}
            errors={errors.position}
            onValue={(position) => setDraft((d) => ({ ...d, position }))}
          />
          <TextField
            id={id('ru')}
            label={t('admin.name.ru')}
            value={draft.ru}
            maxLength={LIMITS.name}
            errors={errors['name.ru']}
            onValue={(ru) => setDraft((d) => ({ ...d, ru }))}
          />
          <TextField
            id={id('en')}
            label={t('admin.name.en')}
            value={draft.en}
            maxLength={LIMITS.name}
            errors={errors['name.en']}
            onValue={(en) => setDraft((d) => ({ ...d, en }))}
          />
          <div class="admin-form__save">
            <button type="submit" class="button button--primary" disabled={!changed || saving}>
              {saving ? t('settings.saving') : t('settings.save')}
            </button>
          </div>
        </div>
      </form>
    </li>
  )
}
