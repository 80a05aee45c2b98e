import { useState } from 'preact/hooks'
import { getJourney } from '../api/journey'
import { listMembers } from '../api/members'
import type { Member } from '../api/member-edits'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { ExportButton } from '../export/export-button'
import { membersCsv } from '../export/list-csv'
import { useI18n } from '../i18n'
import { MemberForm } from './member-form'
import { useLoaded } from '../components/use-loaded'
import './admin.css'

const load = async (signal: AbortSignal) => {
  const [members, journey] = await Promise.all([listMembers(signal), getJourney(signal)])
  return { members, roles: journey.roles }
}

/** The people clients are assigned to: grade, capacity, journey roles and their lead. */
export function MembersSection() {
  const i18n = useI18n()
  const { t, text, number } = i18n
  const { data, set, failed, reload } = useLoaded(load)
  const [editing, setEditing] = useState<string | null>(null)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!data) return <LoadingState />
  const name = (id: string | null) => data.members.find((m) => m.id === id)?.name
  const roleNames = (m: Member) =>
    m.roleIds
      .map((id) => data.roles.find((r) => r.id === id))
      .map((r) => (r ? text(r.name) : ''))
      .filter(Boolean)
      .join(', ')
  const saved = (member: Member) => {
    const known = data.members.some((m) => m.id === member.id)
    set({
      ...data,
      members: known
        ? data.members.map((m) => (m.id === member.id ? member : m))
        : [...data.members, member],
    })
    setEditing(null)
    toast(t('admin.saved'), 'info')
  }

  return (
    <div class="settings-card">
      <header class="settings-card__header">
        <h3 class="settings-card__title">{t('admin.members.list')}</h3>
        <div class="export-bar">
          <ExportButton
            name="members"
            csv={() => membersCsv(data.members, new Map(data.roles.map((r) => [r.id, r])), i18n)}
          />
          {editing !== 'new' && (
            <button type="button" class="button button--primary" onClick={() => setEditing('new')}>
              {t('admin.members.add')}
            </button>
          )}
        </div>
      </header>
      {editing === 'new' && (
        <MemberForm
          members={data.members}
          roles={data.roles}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <ul class="admin-rows">
        {data.members.map((member) => (
          <li
            key={member.id}
            class={`admin-row${member.active ? '' : ' admin-row--off'}`}
            data-member-id={member.id}
          >
            <div class="admin-row__line">
              <div class="admin-row__main">
                <p class="admin-row__title">{member.name}</p>
                <p class="admin-row__meta">
                  <span>{t(`grade.${member.grade}`)}</span>
                  {member.capacityOverride !== null && (
                    <span>
                      {t('admin.members.capacityShort', { n: number(member.capacityOverride) })}
                    </span>
                  )}
                  <span>{roleNames(member) || t('admin.members.noRoles')}</span>
                  {member.managerId && (
                    <span>
                      {t('admin.members.reportsTo', { name: name(member.managerId) ?? '—' })}
                    </span>
                  )}
                  {!member.active && (
                    <span class="admin-row__off">{t('admin.members.inactive')}</span>
                  )}
                </p>
              </div>
              <button
                type="button"
                class="button"
                aria-expanded={editing === member.id}
                aria-label={t('admin.members.edit', { name: member.name })}
                onClick={() => setEditing((id) => (id === member.id ? null : member.id))}
              >
                {t('settings.edit')}
              </button>
            </div>
            {editing === member.id && (
              <MemberForm
                member={member}
                members={data.members}
                roles={data.roles}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
