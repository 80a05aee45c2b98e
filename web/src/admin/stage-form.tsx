import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import { useState } from 'preact/hooks'
import type { Role } from '../../../schema/journey'
import { patchStage, type Stage, type StagePatch } from '../api/template'
import { ask } from '../components/confirm-dialog'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField, TextField } from '../components/text-field'
import { LIMITS } from '../../../schema/limits'

const ROLE_PARTS = STAGE_ROLE_KINDS
const SHOWN = ['name.ru', 'name.en', 'position', 'slaDays', 'wipLimit', 'overduePolicy', 'archived']

/** Whole numbers typed into a form: '' stays empty, anything else must parse. */
const int = (text: string) => (text.trim() === '' ? null : Number(text.trim()))

/** One stage's settings: names, order in its phase, roles, SLA, WIP limit, overdue policy. */
export function StageForm(props: {
  stage: Stage
  roles: readonly Role[]
  onSaved: (stage: Stage) => void
  onArchived: (id: string) => void
  onCancel: () => void
}) {
  const { stage, roles, onSaved, onArchived, onCancel } = props
  const { t, text } = useI18n()
  const [draft, setDraft] = useState({
    ru: stage.name.ru,
    en: stage.name.en,
    position: String(stage.position),
    slaDays: String(stage.slaDays),
    wipLimit: stage.wipLimit === null ? '' : String(stage.wipLimit),
    overduePolicy: stage.overduePolicy,
    roles: { ...stage.roles },
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const id = (field: string) => `stage-${stage.id}-${field}`
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }))

  const send = async (patch: StagePatch) => {
    setSaving(true)
    try {
      const saved = await patchStage(stage.id, patch)
      if (patch.archived) onArchived(stage.id)
      else onSaved(saved)
    } catch (error) {
      setErrors(
        saveErrors(error, t, {
          stage_not_empty: { field: 'archived', message: t('admin.stages.notEmpty') },
        }),
      )
    }
    setSaving(false)
  }

  const save = () => {
    const local: FieldErrors = {}
    const numbers = { position: int(draft.position), slaDays: int(draft.slaDays) }
    for (const [field, value] of Object.entries(numbers)) {
      if (value === null || !Number.isInteger(value)) local[field] = [t('admin.wholeNumber')]
    }
    const wip = int(draft.wipLimit)
    if (wip !== null && !Number.isInteger(wip)) local.wipLimit = [t('admin.wholeNumber')]
    setErrors(local)
    if (Object.keys(local).length > 0) return
    void send({
      version: stage.version,
      name: { ru: draft.ru, en: draft.en },
      position: numbers.position ?? stage.position,
      slaDays: numbers.slaDays ?? stage.slaDays,
      wipLimit: wip,
      overduePolicy: draft.overduePolicy,
      roles: draft.roles,
    })
  }

  const archive = async () => {
    const ok = await ask({
      title: t('admin.stages.archive.title', { name: text(stage.name) }),
      message: t('admin.stages.archive.message'),
      confirm: t('admin.stages.archive'),
      cancel: t('settings.cancel'),
    })
    if (ok) void send({ version: stage.version, archived: true })
  }

  const roleOptions = roles.map((r) => ({ value: r.id, label: text(r.name) }))
  return (
    <form
      noValidate
      class="admin-form"
      aria-label={t('admin.stages.edit', { name: text(stage.name) })}
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <FormNotice errors={errors} shown={[...SHOWN, ...ROLE_PARTS.map((p) => `roles.${p}`)]} />
      <div class="admin-form__grid">
        <TextField
          id={id('ru')}
          label={t('admin.name.ru')}
          value={draft.ru}
          maxLength={LIMITS.name}
          errors={errors['name.ru']}
          onValue={(ru) => set({ ru })}
        />
        <TextField
          id={id('en')}
          label={t('admin.name.en')}
          value={draft.en}
          maxLength={LIMITS.name}
          errors={errors['name.en']}
          onValue={(en) => set({ en })}
        />
        <TextField
          id={id('position')}
          label={t('admin.stages.position')}
          type="number"
          min={0}
          inputMode="numeric"
          value={draft.position}
          errors={errors.position}
          onValue={(position) => set({ position })}
        />
        <TextField
          id={id('sla')}
          label={t('admin.stages.sla')}
          type="number"
          min={LIMITS.slaDays.min}
          max={LIMITS.slaDays.max}
          inputMode="numeric"
          value={draft.slaDays}
          errors={errors.slaDays}
          onValue={(slaDays) => set({ slaDays })}
        />
        <TextField
          id={id('wip')}
          label={t('admin.stages.wip')}
          type="number"
          min={LIMITS.wipLimit.min}
          max={LIMITS.wipLimit.max}
          inputMode="numeric"
          placeholder={t('admin.stages.wip.none')}
          value={draft.wipLimit}
          errors={errors.wipLimit}
          onValue={(wipLimit) => set({ wipLimit })}
        />
        <SelectField
          id={id('policy')}
          label={t('admin.stages.policy')}
          value={draft.overduePolicy}
          options={[
            { value: 'flag', label: t('admin.stages.policy.flag') },
            { value: 'return', label: t('admin.stages.policy.return') },
          ]}
          errors={errors.overduePolicy}
          onValue={(v) => set({ overduePolicy: v === 'return' ? 'return' : 'flag' })}
        />
        {ROLE_PARTS.map((part) => (
          <SelectField
            key={part}
            id={id(part)}
            label={t(`role.${part}`)}
            value={draft.roles[part]}
            options={roleOptions}
            errors={errors[`roles.${part}`]}
            onValue={(role) => set({ roles: { ...draft.roles, [part]: role } })}
          />
        ))}
      </div>
      <div class="form__actions admin-form__actions">
        <button type="button" class="button button--danger" disabled={saving} onClick={archive}>
          {t('admin.stages.archive')}
        </button>
        <span class="admin-form__spacer" />
        <button type="button" class="button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
      {errors.archived && (
        <p id={id('archived-error')} class="field__error" role="alert">
          {errors.archived.join(' ')}
        </p>
      )}
    </form>
  )
}
