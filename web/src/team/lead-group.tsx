import { useI18n } from '../i18n'
import type { LoadThresholds } from '../load/load-format'
import { MemberRow } from './member-row'
import type { LeadGroup } from './team-groups'
import { UtilText, utilLabel } from '../load/util-text'
import { UtilBar } from '../load/util-bar'

interface Props {
  group: LeadGroup
  thresholds: LoadThresholds & { spanOfControl: number }
  /** The track length every bar of the page shares. */
  scale: number
  /** The signed-in lead's own group. */
  mine: boolean
  mayManage: (memberId: string) => boolean
  onChanged: () => void
  /** A journey role's name in the user's language. */
  roleName: (roleId: string) => string
}

/** One lead's direct reports, grade by grade, with the lead's own load and span of control. */
export function LeadGroupView(props: Props) {
  const { group, thresholds, scale, mine, mayManage, onChanged, roleName } = props
  const i18n = useI18n()
  const { t, plural } = i18n
  const { lead } = group
  const titleId = `team-group-${lead?.id ?? 'none'}`
  return (
    <section
      class={`team-group${mine ? ' team-group--mine' : ''}`}
      style={{ '--depth': group.depth }}
      aria-labelledby={titleId}
      data-lead-id={lead?.id ?? ''}
    >
      <header class="team-group__header">
        <div class="team-group__who">
          <h2 id={titleId} class="team-group__title">
            {lead ? lead.name : t('team.noLead')}
          </h2>
          <p class="team-group__meta">
            {lead && <span>{t(`grade.${lead.grade}`)}</span>}
            <span>{plural('team.count.reports', group.size)}</span>
            {mine && <span class="team-group__mine">{t('team.mine')}</span>}
          </p>
        </div>
        {lead && (
          <div class="team-group__load">
            <UtilBar
              value={lead.utilization}
              thresholds={thresholds}
              scale={scale}
              label={utilLabel(lead, i18n)}
            />
            <UtilText member={lead} thresholds={thresholds} />
          </div>
        )}
      </header>
      {lead?.spanExceeded && (
        <p class="team-group__warning" role="note">
          {t('team.span', { n: lead.directReports, max: thresholds.spanOfControl })}
        </p>
      )}
      <table class="team-table">
        <colgroup>
          <col />
          <col class="team-table__col-load" />
          <col class="team-table__col-points" />
          <col class="team-table__col-clients" />
          <col class="team-table__col-overdue" />
          <col class="team-table__col-absence" />
          <col class="team-table__col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('team.col.member')}</th>
            <th scope="col">{t('team.col.load')}</th>
            <th scope="col" class="team-table__num">
              {t('team.col.points')}
            </th>
            <th scope="col" class="team-table__num">
              {t('team.col.clients')}
            </th>
            <th scope="col" class="team-table__num">
              {t('team.col.overdue')}
            </th>
            <th scope="col">{t('team.col.absence')}</th>
            <th scope="col" class="team-table__actions">
              <span class="visually-hidden">{t('team.col.actions')}</span>
            </th>
          </tr>
        </thead>
        {group.grades.map(({ grade, members }) => (
          <tbody key={grade}>
            <tr class="team-table__grade">
              <th scope="rowgroup" colSpan={7}>
                {t(`team.grade.${grade}`)}{' '}
                <span>{t('team.grade.count', { n: members.length })}</span>
              </th>
            </tr>
            {members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                thresholds={thresholds}
                scale={scale}
                manage={mayManage(member.id)}
                onChanged={onChanged}
                roleName={roleName}
              />
            ))}
          </tbody>
        ))}
      </table>
    </section>
  )
}
