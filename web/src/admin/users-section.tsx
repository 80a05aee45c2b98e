import { useState } from 'preact/hooks'
import { listUsers, patchUser, type User, type UserPatch } from '../api/accounts'
import { listMembers } from '../api/members'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'
import { ACCESS_OPTIONS } from './access-options'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField } from '../components/text-field'
import { UserForm } from './user-form'
import { useLoaded } from '../components/use-loaded'
import './admin.css'

const load = async (signal: AbortSignal) => {
  const [users, members] = await Promise.all([listUsers(signal), listMembers(signal)])
  return { users, members }
}

/** Accounts: create one, change its access role, deactivate or bring it back. */
export function UsersSection() {
  const { t } = useI18n()
  const { data, set, failed, reload } = useLoaded(load)
  const [adding, setAdding] = useState(false)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!data) return <LoadingState />
  const replace = (user: User) =>
    set({ ...data, users: data.users.map((u) => (u.id === user.id ? user : u)) })
  const memberName = (id: string | null) => data.members.find((m) => m.id === id)?.name

  return (
    <div class="settings-card">
      <header class="settings-card__header">
        <h3 class="settings-card__title">{t('admin.users.list')}</h3>
        {!adding && (
          <button type="button" class="button button--primary" onClick={() => setAdding(true)}>
            {t('admin.users.add')}
          </button>
        )}
      </header>
      {adding && (
        <UserForm
          members={data.members}
          onCancel={() => setAdding(false)}
          onCreated={(user) => {
            set({ ...data, users: [...data.users, user] })
            setAdding(false)
            toast(t('admin.users.created', { email: user.email }), 'info')
          }}
        />
      )}
      <ul class="admin-rows">
        {data.users.map((user) => (
          <UserRow
            key={`${user.id}:${user.version}`}
            user={user}
            memberName={memberName(user.memberId)}
            onSaved={replace}
          />
        ))}
      </ul>
    </div>
  )
}

function UserRow(props: { user: User; memberName?: string; onSaved: (user: User) => void }) {
  const { user, memberName, onSaved } = props
  const { t } = useI18n()
  const [role, setRole] = useState(user.role)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)

  const send = async (patch: Omit<UserPatch, 'version'>, field: 'role' | 'active') => {
    setSaving(true)
    try {
      onSaved(await patchUser(user.id, { version: user.version, ...patch }))
      toast(t('admin.saved'), 'info')
    } catch (error) {
      setErrors(
        saveErrors(error, t, { last_admin: { field, message: t('admin.users.lastAdmin') } }),
      )
      setSaving(false)
    }
  }

  return (
    <li class={`admin-row${user.active ? '' : ' admin-row--off'}`} data-user-id={user.id}>
      <FormNotice errors={errors} shown={['role', 'active']} />
      <div class="admin-row__line">
        <div class="admin-row__main">
          <p class="admin-row__title">{user.name}</p>
          <p class="admin-row__meta">
            <span>{user.email}</span>
            {memberName && <span>{t('admin.users.actsAs', { name: memberName })}</span>}
            {!user.active && <span class="admin-row__off">{t('admin.users.inactive')}</span>}
          </p>
        </div>
        <div class="admin-row__controls">
          <SelectField
            id={`user-${user.id}-role`}
            label={t('admin.users.role')}
            value={role}
            options={ACCESS_OPTIONS.map((r) => ({ value: r, label: t(`access.${r}`) }))}
            errors={errors.role}
            disabled={saving}
            onValue={(v) => setRole(ACCESS_OPTIONS.find((r) => r === v) ?? user.role)}
          />
          {role !== user.role && (
            <button
              type="button"
              class="button button--primary"
              disabled={saving}
              onClick={() => void send({ role }, 'role')}
            >
              {t('admin.users.saveRole')}
            </button>
          )}
          <button
            type="button"
            class="button"
            disabled={saving}
            aria-describedby={errors.active ? `user-${user.id}-active-error` : undefined}
            onClick={() => void send({ active: !user.active }, 'active')}
          >
            {t(user.active ? 'admin.users.deactivate' : 'admin.users.activate')}
          </button>
        </div>
      </div>
      {errors.active && (
        <p id={`user-${user.id}-active-error`} class="field__error" role="alert">
          {errors.active.join(' ')}
        </p>
      )}
    </li>
  )
}
