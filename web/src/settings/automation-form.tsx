import { useState } from 'preact/hooks'
import type { Role, Stage } from '../../../schema/journey'
import { renderTemplate } from '../../../shared/automation'
import { createAutomation, patchAutomation, type Automation } from '../api/automations'
import { ApiError } from '../api/client'
import { toast } from '../components/toasts'
import { useI18n, type MessageKey } from '../i18n'
import { AUTOMATION_KINDS } from '../../../schema/enums'
import {
  createBody,
  draftFrom,
  draftProblems,
  patchBody,
  type AutomationDraft,
  type DraftProblem,
} from './automation-draft'
import { errorText, FieldError, invalidProps } from '../components/save-failure'
import { fieldErrors, otherErrors, type FieldErrors } from '../components/form-errors'
import { TextField } from '../components/text-field'

interface Props {
  stage: Stage
  roles: Map<string, Role>
  /** The automation being edited; none for a new one. */
  automation?: Automation
  onSaved: (saved: Automation) => void
  onCancel: () => void
  /** Someone else changed it meanwhile: the list reloads. */
  onConflict: () => void
}

const PROBLEMS: Record<DraftProblem, MessageKey> = {
  required: 'settings.error.required',
  days: 'settings.automations.error.days',
  delay: 'settings.automations.error.delay',
}
const SHOWN = ['title.ru', 'title.en', 'template.ru', 'template.en', 'assigneeRoleId']
const SHOWN_TASK = [...SHOWN, 'dueDays', 'delayDays']
// Example content for the preview, in the language of each template (not interface text).
/** A number of days, as the automation's delay and due date take it. */
const DAYS = { type: 'number', min: 0, max: 365, step: '1', inputMode: 'numeric' } as const

const SAMPLE = { client: 'Анна Смирнова', company: 'ООО «Ромашка»' }
const SAMPLE_EN = { client: 'Anna Smirnova', company: 'Romashka LLC' }

/** Adds or edits one automation of a stage. */
export function AutomationForm(props: Props) {
  const { stage, roles, automation, onSaved, onCancel, onConflict } = props
  const { t, text } = useI18n()
  const [draft, setDraft] = useState<AutomationDraft>(() => draftFrom(automation))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<AutomationDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const id = automation?.id ?? 'new'
  const isTask = draft.kind !== 'message'

  // The roles of this stage first: a task goes to the card's person holding that role here.
  const stageRoles = [
    ...new Set([stage.roles.owner, stage.roles.communicator, stage.roles.support]),
  ]
  const roleIds =
    draft.assigneeRoleId && !stageRoles.includes(draft.assigneeRoleId)
      ? [...stageRoles, draft.assigneeRoleId]
      : stageRoles
  const roleName = (roleId: string) => {
    const role = roles.get(roleId)
    return role ? text(role.name) : roleId
  }

  const submit = async () => {
    const local: FieldErrors = {}
    for (const [field, problem] of Object.entries(draftProblems(draft))) {
      if (problem) local[field] = [t(PROBLEMS[problem])]
    }
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setSaving(true)
    try {
      if (!automation) onSaved(await createAutomation(stage.id, createBody(draft)))
      else {
        const patch = patchBody(draft, automation)
        onSaved(
          Object.keys(patch).length > 1 ? await patchAutomation(automation.id, patch) : automation,
        )
      }
      toast(t('settings.automations.saved'), 'success')
    } catch (error) {
      setSaving(false)
      if (error instanceof ApiError && error.status === 409) {
        toast(t('settings.automations.conflict'), 'error')
        onConflict()
      } else if (error instanceof ApiError && error.status === 422) {
        setErrors(fieldErrors(error))
      } else if (!(error instanceof ApiError && error.status === 401)) {
        toast(t('settings.failed', { reason: errorText(error, t) }), 'error')
      }
    }
  }

  const general = otherErrors(errors, isTask ? SHOWN_TASK : SHOWN)
  const input = (field: keyof AutomationDraft, path: string, label: string, multiline = false) => {
    const errorId = `automation-${id}-${field}-error`
    const common = {
      id: `automation-${id}-${field}`,
      value: draft[field],
      ...invalidProps(errorId, errors[path]),
      onInput: (event: Event) =>
        set({
          [field]: (event.currentTarget as HTMLInputElement).value,
        } as Partial<AutomationDraft>),
    }
    return (
      <div class="settings-field">
        <label class="settings-field__label" for={common.id}>
          {label}
        </label>
        {multiline ? (
          <textarea class="input textarea" rows={4} maxLength={4000} {...common} />
        ) : (
          <input class="input" maxLength={300} {...common} />
        )}
        <FieldError id={errorId} messages={errors[path]} />
      </div>
    )
  }

  return (
    <form
      class="automation-form"
      aria-label={t(
        automation ? 'settings.automations.editTitle' : 'settings.automations.newTitle',
      )}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {general.length > 0 && (
        <p class="settings-notice settings-notice--error" role="alert">
          {general.join(' ')}
        </p>
      )}
      <fieldset class="settings-field">
        <legend class="settings-field__label">{t('settings.automations.kind')}</legend>
        <div class="kind-picker">
          {AUTOMATION_KINDS.filter((kind) => !automation || kind === automation.kind).map(
            (kind) => (
              <label key={kind} class="kind-picker__option">
                <input
                  type="radio"
                  name={`automation-${id}-kind`}
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => set({ kind })}
                />
                <span>
                  <strong>{t(`settings.automations.kind.${kind}`)}</strong>
                  <small>{t(`settings.automations.kind.${kind}.about`)}</small>
                </span>
              </label>
            ),
          )}
        </div>
      </fieldset>
      <div class="form__row">
        {input('titleRu', 'title.ru', t('settings.automations.title.ru'))}
        {input('titleEn', 'title.en', t('settings.automations.title.en'))}
      </div>
      {isTask ? (
        <div class="form__row form__row--three">
          <div class="settings-field">
            <label class="settings-field__label" for={`automation-${id}-role`}>
              {t('settings.automations.role')}
            </label>
            <select
              id={`automation-${id}-role`}
              class="select"
              value={draft.assigneeRoleId}
              {...invalidProps(`automation-${id}-role-error`, errors.assigneeRoleId)}
              onChange={(event) => set({ assigneeRoleId: event.currentTarget.value })}
            >
              <option value="">{t('settings.automations.noRole')}</option>
              {roleIds.map((roleId) => (
                <option key={roleId} value={roleId}>
                  {roleName(roleId)}
                </option>
              ))}
            </select>
            <FieldError id={`automation-${id}-role-error`} messages={errors.assigneeRoleId} />
          </div>
          {draft.kind === 'delayed_task' && (
            <TextField
              {...DAYS}
              id={`automation-${id}-delay`}
              label={t('settings.automations.delayDays')}
              value={draft.delayDays}
              errors={errors.delayDays}
              onValue={(delayDays) => set({ delayDays })}
            />
          )}
          <TextField
            {...DAYS}
            id={`automation-${id}-due`}
            label={t('settings.automations.dueDays')}
            placeholder={t('settings.automations.dueDays.none')}
            value={draft.dueDays}
            errors={errors.dueDays}
            onValue={(dueDays) => set({ dueDays })}
          />
        </div>
      ) : (
        <>
          <p class="settings-field__note">{t('settings.automations.message.note')}</p>
          <div class="form__row">
            {input('templateRu', 'template.ru', t('settings.automations.template.ru'), true)}
            {input('templateEn', 'template.en', t('settings.automations.template.en'), true)}
          </div>
          <p class="placeholders">
            {t('settings.automations.placeholders')} <code>{'{client}'}</code>{' '}
            {t('settings.automations.placeholder.client')}, <code>{'{company}'}</code>{' '}
            {t('settings.automations.placeholder.company')}, <code>{'{stage}'}</code>{' '}
            {t('settings.automations.placeholder.stage')}.
          </p>
          {(draft.templateRu.trim() || draft.templateEn.trim()) && (
            <div class="template-preview" aria-live="polite">
              <p class="settings-field__label">{t('settings.automations.preview')}</p>
              <p lang="ru">
                {renderTemplate(draft.templateRu, { ...SAMPLE, stage: stage.name.ru })}
              </p>
              <p lang="en">
                {renderTemplate(draft.templateEn, { ...SAMPLE_EN, stage: stage.name.en })}
              </p>
            </div>
          )}
        </>
      )}
      <div class="form__actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  )
}
