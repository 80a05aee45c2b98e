import { useState } from 'preact/hooks'
import type { Role } from '../../../schema/journey'
import type { ArticleSummary } from '../api/articles'
import { ApiError } from '../api/client'
import { createTrack, patchTrack, type OnboardingTrack } from '../api/onboarding-tracks'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField, TextField } from '../components/text-field'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'
import { StepRow } from './step-row'
import { blankStep, moveStep, stepDrafts, stepInputs, type StepDraft } from './track-draft'

/** Creates a track (no `track`) or edits one: its role, title and steps in order. */
export function TrackEditor(props: {
  track?: OnboardingTrack
  roles: readonly Role[]
  articles: readonly ArticleSummary[]
  onSaved: (track: OnboardingTrack) => void
  onCancel: () => void
}) {
  const { track, roles, articles, onSaved, onCancel } = props
  const { t, text } = useI18n()
  const [roleId, setRoleId] = useState(track?.roleId ?? roles[0]?.id ?? '')
  const [title, setTitle] = useState({ ru: track?.title.ru ?? '', en: track?.title.en ?? '' })
  const [steps, setSteps] = useState<StepDraft[]>(() => (track ? stepDrafts(track) : []))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const key = track?.id ?? 'new'

  const save = async () => {
    setSaving(true)
    const body = { roleId, title, steps: stepInputs(steps) }
    try {
      onSaved(
        track
          ? await patchTrack(track.id, { version: track.version, ...body })
          : await createTrack(body),
      )
    } catch (error) {
      // The server's own keys, step indexes kept: each message belongs beside its own step.
      const fields = error instanceof ApiError && error.status === 422 ? error.fields : undefined
      setErrors(fields ?? saveErrors(error, t))
      setSaving(false)
    }
  }
  const stepFields = Object.keys(errors).filter((k) => k.startsWith('steps.'))

  return (
    <form
      noValidate
      class="admin-form track-editor"
      aria-label={track ? t('tracks.edit', { name: text(track.title) }) : t('tracks.add')}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <FormNotice errors={errors} shown={['roleId', 'title.ru', 'title.en', ...stepFields]} />
      <div class="admin-form__grid">
        <SelectField
          id={`track-${key}-role`}
          label={t('tracks.role')}
          value={roleId}
          options={roles.map((r) => ({ value: r.id, label: text(r.name) }))}
          errors={errors.roleId}
          onValue={setRoleId}
        />
        <TextField
          id={`track-${key}-ru`}
          label={t('admin.name.ru')}
          value={title.ru}
          maxLength={200}
          errors={errors['title.ru']}
          onValue={(ru) => setTitle((v) => ({ ...v, ru }))}
        />
        <TextField
          id={`track-${key}-en`}
          label={t('admin.name.en')}
          value={title.en}
          maxLength={200}
          errors={errors['title.en']}
          onValue={(en) => setTitle((v) => ({ ...v, en }))}
        />
      </div>
      <h4 class="track-editor__subtitle">{t('tracks.steps')}</h4>
      {steps.length === 0 && <p class="settings-empty">{t('tracks.steps.none')}</p>}
      <ol class="track-steps">
        {steps.map((step, index) => (
          <StepRow
            key={step.key}
            step={step}
            index={index}
            count={steps.length}
            articles={articles}
            errors={errors}
            onChange={(next) => setSteps((list) => list.map((s, i) => (i === index ? next : s)))}
            onMove={(by) => setSteps((list) => moveStep(list, index, by))}
            onRemove={() => setSteps((list) => list.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <div class="track-editor__add">
        <button
          type="button"
          class="button"
          onClick={() => setSteps((l) => [...l, blankStep('article')])}
        >
          {t('tracks.step.addArticle')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => setSteps((l) => [...l, blankStep('checklist')])}
        >
          {t('tracks.step.addChecklist')}
        </button>
      </div>
      <div class="form__actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t(track ? 'settings.save' : 'tracks.create')}
        </button>
      </div>
    </form>
  )
}
