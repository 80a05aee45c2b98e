import type { ClientEvent } from '../../../schema/clients'
import type { I18n } from '../i18n'

const names = (value: unknown) =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string').join(', ') : ''

/** History lines for labels and files (null: not one of these kinds). */
export function describeExtras(event: ClientEvent, { t }: I18n): string | null {
  const data = event.data ?? {}
  const name = typeof data.name === 'string' ? data.name : ''
  switch (event.kind) {
    case 'labels': {
      const parts = [
        names(data.added) && t('history.labels.added', { names: names(data.added) }),
        names(data.removed) && t('history.labels.removed', { names: names(data.removed) }),
      ].filter(Boolean)
      return parts.join('; ')
    }
    case 'attachment_added':
      return t('history.file.added', { name })
    case 'attachment_removed':
      return event.actorId === null
        ? t('history.file.purged', { name })
        : t('history.file.removed', { name })
    default:
      return null
  }
}
