import { useI18n } from '../i18n'
import type { JourneyIndex } from './journey-index'

const toggle = (list: readonly string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id]

/** The stages an article is linked to: checkboxes, phase by phase. */
export function StagePicker(props: {
  journey: JourneyIndex
  value: readonly string[]
  onChange: (next: string[]) => void
  describedBy?: string
}) {
  const { journey, value, onChange, describedBy } = props
  const { t, text } = useI18n()
  return (
    <fieldset class="kb-picker" aria-describedby={describedBy}>
      <legend class="kb-field__label">
        {t('kb.field.stages')}
        <span class="kb-field__count">{t('kb.picked', { n: value.length })}</span>
      </legend>
      <div class="kb-picker__phases">
        {journey.phases.map((group) => (
          <div key={group.phase.id} class="kb-picker__phase">
            <p class="kb-picker__phase-name">{text(group.phase.name)}</p>
            {group.stages.map((stage) => (
              <label key={stage.id} class="kb-picker__option">
                <input
                  type="checkbox"
                  name="stageIds"
                  value={stage.id}
                  checked={value.includes(stage.id)}
                  onChange={() => onChange(toggle(value, stage.id))}
                />
                {text(stage.name)}
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/** The roles an article speaks to: toggle chips. */
export function RolePicker(props: {
  journey: JourneyIndex
  value: readonly string[]
  onChange: (next: string[]) => void
  describedBy?: string
}) {
  const { journey, value, onChange, describedBy } = props
  const { t, text } = useI18n()
  return (
    <fieldset class="kb-picker" aria-describedby={describedBy}>
      <legend class="kb-field__label">{t('kb.field.roles')}</legend>
      <div class="kb-picker__roles">
        {journey.roles.map((role) => (
          <button
            key={role.id}
            type="button"
            class="chip"
            aria-pressed={value.includes(role.id)}
            onClick={() => onChange(toggle(value, role.id))}
          >
            {text(role.name)}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
