import { useState } from 'preact/hooks'
import type { TeamMember } from '../api/team'
import { initials } from '../board/board-model'
import { useI18n } from '../i18n'
import { AbsenceEditor } from './absence-editor'
import { formatDays, formatPoints, type LoadThresholds } from '../load/load-format'
import { UtilBar } from '../load/util-bar'
import { UtilText, utilLabel } from '../load/util-text'

interface Props {
  member: TeamMember
  thresholds: LoadThresholds
  scale: number
  /** The viewer may record this member's absences. */
  manage: boolean
  onChanged: () => void
  /** A journey role's name in the user's language. */
  roleName: (roleId: string) => string
}

/**
 * A member's line: load bar, points, clients (grouped by the role they hold on them), overdue
 * cards, absence, and the absence editor.
 */
export function MemberRow({ member, thresholds, scale, manage, onChanged, roleName }: Props) {
  const i18n = useI18n()
  const { t, locale } = i18n
  const [editing, setEditing] = useState(false)
  const absence = member.absence
  const editorId = `absences-${member.id}`

  return (
    <>
      <tr
        class={`team-row${member.active ? '' : ' team-row--inactive'}`}
        data-member-id={member.id}
      >
        <th scope="row" class="team-row__who">
          <span class="team-row__person">
            <span class="team-row__avatar" aria-hidden="true">
              {initials(member.name)}
            </span>
            <span class="team-row__name">{member.name}</span>
            {!member.active && <span class="team-badge">{t('team.inactive')}</span>}
            {member.absentToday && (
              <span class="team-badge team-badge--away">{t('team.away')}</span>
            )}
            {member.spanExceeded && (
              <span
                class="team-badge team-badge--warn"
                title={t('team.span.short', { n: member.directReports })}
              >
                {t('team.span.badge')}
              </span>
            )}
          </span>
        </th>
        <td>
          <span class="team-row__load">
            <UtilBar
              value={member.utilization}
              thresholds={thresholds}
              scale={scale}
              label={utilLabel(member, i18n)}
            />
            <UtilText member={member} thresholds={thresholds} />
          </span>
        </td>
        <td class="team-table__num">
          {formatPoints(locale, member.load)}
          <span class="team-row__of"> / {formatPoints(locale, member.capacity)}</span>
        </td>
        <td class="team-table__num team-row__clients">
          {i18n.number(member.clientCount)}
          {Object.keys(member.clientsByRole).length > 0 && (
            <ul class="team-row__roles" aria-label={t('team.byRole', { name: member.name })}>
              {Object.entries(member.clientsByRole).map(([roleId, n]) => (
                <li key={roleId} class="team-row__role" data-role-id={roleId}>
                  {roleName(roleId)} <span class="team-row__role-n">{i18n.number(n)}</span>
                </li>
              ))}
            </ul>
          )}
        </td>
        <td class="team-table__num">
          {member.overdueCount > 0 ? (
            <span class="team-overdue" title={t('team.overdue.title', { n: member.overdueCount })}>
              {i18n.number(member.overdueCount)}
            </span>
          ) : (
            <span class="team-row__none">0</span>
          )}
        </td>
        <td class="team-row__absence">
          {absence ? (
            <span class={member.absentToday ? 'team-row__away' : ''}>
              {formatDays(locale, absence.from, absence.to)}
              {absence.reason && (
                <span class="team-row__reason">
                  {' · '}
                  <bdi>{absence.reason}</bdi>
                </span>
              )}
            </span>
          ) : (
            <span class="team-row__none">—</span>
          )}
        </td>
        <td class="team-table__actions">
          {manage && (
            <button
              type="button"
              class="link-button"
              aria-expanded={editing}
              aria-controls={editing ? editorId : undefined}
              aria-label={t('team.absences.for', { name: member.name })}
              onClick={() => setEditing((v) => !v)}
            >
              {t('team.absences')}
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr class="team-row__editor" id={editorId}>
          <td colSpan={7}>
            <AbsenceEditor member={member} onChanged={onChanged} />
          </td>
        </tr>
      )}
    </>
  )
}
