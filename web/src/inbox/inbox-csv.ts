import type { Notification } from '../api/notifications'
import { toCsv } from '../../../shared/csv-write'
import type { I18n } from '../i18n'
import { notificationText } from './notification-view'

/** The inbox as CSV, newest first: when, what, read or not. */
export function inboxCsv(items: readonly Notification[], i18n: I18n): string {
  const { t } = i18n
  const text = (n: Notification) => notificationText(n, i18n.locale)
  return toCsv(
    items,
    [
      { header: t('export.col.at'), value: (n) => i18n.dateTime(n.createdAt) },
      { header: t('export.col.title'), value: (n) => text(n).title },
      { header: t('export.col.body'), value: (n) => text(n).body },
      { header: t('export.col.read'), value: (n) => (n.readAt ? t('export.yes') : '') },
    ],
    i18n.locale,
  )
}
