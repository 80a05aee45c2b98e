import type { Role } from '../../../schema/journey'
import type { Automation } from '../api/automations'
import { useI18n, type I18n } from '../i18n'

interface Props {
  automation: Automation
  roles: Map<string, Role>
  disabled: boolean
  onEdit: () => void
  onToggle: () => void
}

/** Who gets it and when, in one line: "Account manager · due in 2 working days". */
export function automationSummary(a: Automation, roles: Map<string, Role>, i18n: I18n): string {
  const { t, text, plural } = i18n
  const parts: string[] = []
  if (a.kind === 'message') parts.push(t('settings.automations.toCommunicator'))
  else {
    const role = a.assigneeRoleId ? roles.get(a.assigneeRoleId) : undefined
    parts.push(role ? text(role.name) : t('settings.automations.noRole'))
  }
  if (a.kind === 'delayed_task') {
    parts.push(t('settings.automations.after', { days: plural('count.workingDays', a.delayDays) }))
  }
  if (a.kind !== 'message' && a.dueDays !== null) {
    parts.push(t('settings.automations.due', { days: plural('count.workingDays', a.dueDays) }))
  }
  return parts.join(' · ')
}

export function AutomationRow({ automation: a, roles, disabled, onEdit, onToggle }: Props) {
  const i18n = useI18n()
  const { t, text } = i18n
  const title = text(a.title)
  const template = a.kind === 'message' ? text(a.template) : ''

  return (
    <li class={`automation${a.active ? '' : ' automation--off'}`} data-automation-id={a.id}>
      <span class={`automation__kind automation__kind--${a.kind}`}>
        {t(`settings.automations.kind.${a.kind}`)}
      </span>
      <div class="automation__main">
        <p class="automation__title">{title}</p>
        <p class="automation__meta">{automationSummary(a, roles, i18n)}</p>
        {template && <p class="automation__template">{template}</p>}
      </div>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={a.active}
          disabled={disabled}
          aria-label={t('settings.automations.switch', { title })}
          onChange={onToggle}
        />
        <span class="switch__track" aria-hidden="true" />
        <span class="switch__label">
          {t(a.active ? 'settings.automations.on' : 'settings.automations.off')}
        </span>
      </label>
      <button type="button" class="button" disabled={disabled} onClick={onEdit}>
        {t('settings.edit')}
      </button>
    </li>
  )
}
