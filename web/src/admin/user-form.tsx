import { useState } from 'preact/hooks'
import { createUser, type User } from '../api/accounts'
import type { Member } from '../../../schema/members'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'
import { ACCESS_OPTIONS } from './access-options'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField, TextField } from '../components/text-field'
import { LIMITS } from '../../../schema/limits'

const SHOWN = ['email', 'name', 'role', 'memberId', 'password']

/** A new account: who, with which access role, acting as which member, and a first password. */
export function UserForm(props: {
  members: readonly Member[]
  onCreated: (user: User) => void
  onCancel: () => void
}) {
  const { members, onCreated, onCancel } = props
  const { t } = useI18n()
  const [draft, setDraft] = useState({
    email: '',
    name: '',
    role: 'member' as User['role'],
    memberId: '',
    password: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }))

  const submit = async () => {
    setSaving(true)
    try {
      onCreated(await createUser({ ...draft, memberId: draft.memberId || null }))
    } catch (error) {
      setErrors(
        saveErrors(error, t, { email_taken: { field: 'email', message: t('admin.users.taken') } }),
      )
      setSaving(false)
    }
  }

  return (
    <form
      noValidate
      class="admin-form"
      aria-label={t('admin.users.add')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <FormNotice errors={errors} shown={SHOWN} />
      <div class="admin-form__grid">
        <TextField
          id="user-email"
          label={t('admin.users.email')}
          type="email"
          autoComplete="off"
          value={draft.email}
          errors={errors.email}
          onValue={(email) => set({ email })}
        />
        <TextField
          id="user-name"
          label={t('admin.users.name')}
          value={draft.name}
          maxLength={LIMITS.name}
          errors={errors.name}
          onValue={(name) => set({ name })}
        />
        <SelectField
          id="user-role"
          label={t('admin.users.role')}
          value={draft.role}
          options={ACCESS_OPTIONS.map((r) => ({ value: r, label: t(`access.${r}`) }))}
          errors={errors.role}
          onValue={(role) => set({ role: ACCESS_OPTIONS.find((r) => r === role) ?? 'member' })}
        />
        <SelectField
          id="user-member"
          label={t('admin.users.member')}
          value={draft.memberId}
          options={[
            { value: '', label: t('admin.users.noMember') },
            ...members.map((m) => ({ value: m.id, label: m.name })),
          ]}
          errors={errors.memberId}
          onValue={(memberId) => set({ memberId })}
        />
        <TextField
          id="user-password"
          label={t('admin.users.password')}
          type="password"
          autoComplete="new-password"
          value={draft.password}
          errors={errors.password}
          onValue={(password) => set({ password })}
        />
      </div>
      <p class="settings-field__note">{t('admin.users.passwordRule')}</p>
      <div class="form__actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t('admin.users.create')}
        </button>
      </div>
    </form>
  )
}
