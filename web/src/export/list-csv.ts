import type { ArticleSummary } from '../../../schema/articles'
import type { Client } from '../../../schema/clients'
import type { Member } from '../../../schema/members'
import type { MyTask } from '../../../schema/my-tasks'
import type { LocalizedText } from '../../../schema/common'
import { toCsv } from '../../../shared/csv-write'
import type { I18n } from '../i18n'

/** Names by id, for a column that lists what a row links to. */
type Names = ReadonlyMap<string, { name: LocalizedText }>

const names = (ids: readonly string[], byId: Names, i18n: I18n) =>
  ids.flatMap((id) => {
    const named = byId.get(id)
    return named ? [i18n.text(named.name)] : []
  })

/** My tasks as CSV, as the page lists them: soonest first, overdue marked. */
export function myTasksCsv(tasks: readonly MyTask[], today: string, i18n: I18n): string {
  const { t } = i18n
  return toCsv(
    tasks,
    [
      { header: t('export.col.task'), value: (k) => k.title },
      { header: t('export.col.client'), value: (k) => k.clientName },
      { header: t('export.col.due'), value: (k) => k.dueDate },
      {
        header: t('export.col.overdue'),
        value: (k) => (k.dueDate !== null && k.dueDate < today ? t('export.yes') : ''),
      },
    ],
    i18n.locale,
  )
}

/** The archived cards the archive shows (its search applied), newest first. */
export function archivedCsv(clients: readonly Client[], stages: Names, i18n: I18n): string {
  const { t } = i18n
  return toCsv(
    clients,
    [
      { header: t('export.col.client'), value: (c) => c.name },
      { header: t('export.col.company'), value: (c) => c.company },
      { header: t('export.col.tier'), value: (c) => c.tier },
      { header: t('export.col.score'), value: (c) => c.score },
      { header: t('export.col.stage'), value: (c) => names([c.stageId], stages, i18n)[0] },
      { header: t('export.col.archivedAt'), value: (c) => i18n.dateTime(c.updatedAt) },
    ],
    i18n.locale,
  )
}

/** The knowledge base list as filtered: each article with its stages, roles and review date. */
export function articlesCsv(
  articles: readonly ArticleSummary[],
  journey: { stages: Names; roles: Names },
  i18n: I18n,
): string {
  const { t } = i18n
  return toCsv(
    articles,
    [
      { header: t('export.col.title'), value: (a) => a.title },
      { header: t('export.col.kind'), value: (a) => t(`kb.kind.${a.kind}`) },
      { header: t('export.col.lang'), value: (a) => a.lang.toUpperCase() },
      {
        header: t('export.col.stages'),
        value: (a) => names(a.stageIds, journey.stages, i18n).join(', '),
      },
      {
        header: t('export.col.roles'),
        value: (a) => names(a.roleIds, journey.roles, i18n).join(', '),
      },
      { header: t('export.col.tags'), value: (a) => a.tags.join(', ') },
      { header: t('export.col.reviewDue'), value: (a) => a.reviewDue.slice(0, 10) },
      { header: t('export.col.archived'), value: (a) => (a.archived ? t('export.yes') : '') },
    ],
    i18n.locale,
  )
}

/** The members admins keep: grade, capacity, roles, lead and whether active. */
export function membersCsv(members: readonly Member[], roles: Names, i18n: I18n): string {
  const { t } = i18n
  const byId = new Map(members.map((m) => [m.id, m.name]))
  return toCsv(
    members,
    [
      { header: t('export.col.member'), value: (m) => m.name },
      { header: t('export.col.email'), value: (m) => m.email },
      { header: t('export.col.grade'), value: (m) => t(`grade.${m.grade}`) },
      { header: t('export.col.capacity'), value: (m) => m.capacityOverride },
      { header: t('export.col.roles'), value: (m) => names(m.roleIds, roles, i18n).join(', ') },
      { header: t('export.col.lead'), value: (m) => (m.managerId ? byId.get(m.managerId) : '') },
      { header: t('export.col.active'), value: (m) => (m.active ? t('export.yes') : '') },
    ],
    i18n.locale,
  )
}
