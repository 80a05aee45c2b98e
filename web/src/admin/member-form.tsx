import { useState } from 'preact/hooks'
import type { Role } from '../../../schema/journey'
import { Grade } from '../../../schema/members'
import { createMember, patchMember, type Member } from '../api/member-edits'
import { FieldError, invalidProps } from '../components/field-error'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField, TextField } from '../components/text-field'
import { LIMITS } from '../../../schema/limits'

const SHOWN = ['name', 'email', 'grade', 'capacityOverride', 'roleIds', 'managerId', 'active']

/** A member's grade, capacity, journey roles and lead; with no `member`, a new one. */
export function MemberForm(props: {
  member?: Member
  members: readonly Member[]
  roles: readonly Role[]
  onSaved: (member: Member) => void
  onCancel: () => void
}) {
  const { member, members, roles, onSaved, onCancel } = props
  const { t, text } = useI18n()
  const [draft, setDraft] = useState({
    name: member?.name ?? '',
    email: member?.email ?? '',
    grade: member?.grade ?? 'junior',
    capacity: member?.capacityOverride === null || !member ? '' : String(member.capacityOverride),
    roleIds: member?.roleIds ?? [],
    managerId: member?.managerId ?? '',
    active: member?.active ?? true,
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const id = (field: string) => `member-${member?.id ?? 'new'}-${field}`
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }))

  const submit = async () => {
    const capacity = draft.capacity.trim() === '' ? null : Number(draft.capacity)
    if (capacity !== null && !Number.isFinite(capacity)) {
      setErrors({ capacityOverride: [t('admin.number')] })
      return
    }
    const body = {
      name: draft.name,
      email: draft.email,
      grade: draft.grade,
      capacityOverride: capacity,
      roleIds: draft.roleIds,
      managerId: draft.managerId || null,
      active: draft.active,
    }
    setSaving(true)
    try {
      onSaved(
        member
          ? await patchMember(member.id, { version: member.version, ...body })
          : await createMember(body),
      )
    } catch (error) {
      const taken = { field: 'email', message: t('admin.members.emailTaken') }
      setErrors(saveErrors(error, t, { email_taken: taken }))
      setSaving(false)
    }
  }

  const toggleRole = (roleId: string) =>
    set({
      roleIds: draft.roleIds.includes(roleId)
        ? draft.roleIds.filter((r) => r !== roleId)
        : [...draft.roleIds, roleId],
    })
  const leads = members.filter((m) => m.id !== member?.id && m.active)

  return (
    <form
      noValidate
      class="admin-form"
      aria-label={member ? t('admin.members.edit', { name: member.name }) : t('admin.members.add')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <FormNotice errors={errors} shown={SHOWN} />
      <div class="admin-form__grid">
        <TextField
          id={id('name')}
          label={t('admin.members.name')}
          value={draft.name}
          maxLength={LIMITS.name}
          errors={errors.name}
          onValue={(name) => set({ name })}
        />
        <TextField
          id={id('email')}
          label={t('admin.users.email')}
          type="email"
          value={draft.email}
          errors={errors.email}
          onValue={(email) => set({ email })}
        />
        <SelectField
          id={id('grade')}
          label={t('admin.members.grade')}
          value={draft.grade}
          options={Grade.options.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
          errors={errors.grade}
          onValue={(v) => set({ grade: Grade.options.find((g) => g === v) ?? draft.grade })}
        />
        <TextField
          id={id('capacity')}
          label={t('admin.members.capacity')}
          type="number"
          min={LIMITS.capacity.min}
          max={LIMITS.capacity.max}
          step="any"
          placeholder={t('admin.members.capacity.byGrade')}
          value={draft.capacity}
          errors={errors.capacityOverride}
          onValue={(capacity) => set({ capacity })}
        />
        <SelectField
          id={id('manager')}
          label={t('admin.members.manager')}
          value={draft.managerId}
          options={[
            { value: '', label: t('admin.members.noManager') },
            ...leads.map((m) => ({ value: m.id, label: m.name })),
          ]}
          errors={errors.managerId}
          onValue={(managerId) => set({ managerId })}
        />
        <label class="admin-check">
          <input
            type="checkbox"
            checked={draft.active}
            onChange={() => set({ active: !draft.active })}
          />
          <span>{t('admin.members.active')}</span>
        </label>
      </div>
      <fieldset class="settings-field admin-roles">
        <legend class="settings-field__label">{t('admin.members.roles')}</legend>
        <div class="admin-roles__list" {...invalidProps(id('roles-error'), errors.roleIds)}>
          {roles.map((role) => (
            <label key={role.id} class="admin-check">
              <input
                type="checkbox"
                checked={draft.roleIds.includes(role.id)}
                onChange={() => toggleRole(role.id)}
              />
              <span>{text(role.name)}</span>
            </label>
          ))}
        </div>
        <FieldError id={id('roles-error')} messages={errors.roleIds} />
      </fieldset>
      <div class="form__actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t(member ? 'settings.save' : 'admin.members.create')}
        </button>
      </div>
    </form>
  )
}
