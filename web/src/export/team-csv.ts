import type { Team } from '../api/team'
import { toCsv, type CsvColumn } from '../../../shared/csv-write'
import type { I18n } from '../i18n'

type Member = Team['members'][number]

/** The team view as CSV: each member's load, capacity and utilisation right now. */
export function teamCsv(team: Team, i18n: I18n): string {
  const { t } = i18n
  const names = new Map(team.members.map((m) => [m.id, m.name]))
  const cols: CsvColumn<Member>[] = [
    { header: t('export.col.member'), value: (m) => m.name },
    { header: t('export.col.grade'), value: (m) => t(`grade.${m.grade}`) },
    { header: t('export.col.lead'), value: (m) => (m.managerId ? names.get(m.managerId) : '') },
    { header: t('export.col.load'), value: (m) => Math.round(m.load * 100) / 100 },
    { header: t('export.col.capacity'), value: (m) => m.capacity },
    {
      header: t('export.col.utilization'),
      value: (m) => (m.utilization === null ? null : Math.round(m.utilization * 100)),
    },
    { header: t('export.col.clients'), value: (m) => m.clientCount },
    { header: t('export.col.overdue'), value: (m) => m.overdueCount },
    { header: t('export.col.away'), value: (m) => (m.absentToday ? t('export.yes') : '') },
  ]
  return toCsv(
    team.members.filter((m) => m.active),
    cols,
    i18n.locale,
  )
}
