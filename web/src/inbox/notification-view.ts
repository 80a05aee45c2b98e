import type { Notification } from '../../../schema/stage-clock'

// Nothing from i18n, nav or api here: they bring in Preact and the DOM's fetch types, and the
// tests (type-checked with the Worker's types) load this file.

/** The icon a notification gets: one per kind the server sends, overdue in two strengths. */
export type NotificationIcon =
  | 'overdue'
  | 'overdue2'
  | 'returned'
  | 'message'
  | 'task'
  | 'digest'
  | 'review'
  | 'unstaffed'
  | 'other'

const ICONS: Record<string, NotificationIcon> = {
  overdue: 'overdue',
  returned: 'returned',
  message: 'message',
  task: 'task',
  digest: 'digest',
  article_review: 'review',
  unstaffed: 'unstaffed',
  flag_overdue: 'overdue',
  mention: 'message',
  onboarding_overdue: 'digest',
}

export function notificationIcon(n: Pick<Notification, 'kind' | 'data'>): NotificationIcon {
  const icon = ICONS[n.kind] ?? 'other'
  return icon === 'overdue' && n.data?.level === 2 ? 'overdue2' : icon
}

/**
 * Title and body in the reader's language. The server stores them in Russian and puts the
 * English text in `data.en`; anything missing there falls back to the Russian.
 */
export function notificationText(
  n: Pick<Notification, 'title' | 'body' | 'data'>,
  locale: string,
): { title: string; body: string } {
  const en: unknown = locale === 'en' ? n.data?.en : undefined
  if (typeof en !== 'object' || en === null) return { title: n.title, body: n.body }
  const { title, body } = en as Record<string, unknown>
  return {
    title: typeof title === 'string' && title ? title : n.title,
    body: typeof body === 'string' ? body : n.body,
  }
}

/** The unread count as the bell shows it: nothing at zero, "99+" past 99. */
export function unreadBadge(unread: number): string {
  if (unread <= 0) return ''
  return unread > 99 ? '99+' : String(unread)
}

/** The link that opens a card's drawer: on the board keep its filters, elsewhere go to it. */
export function cardHref(place: { path: string; search: URLSearchParams }, clientId: string) {
  const search = new URLSearchParams(place.path === '/' ? place.search : undefined)
  search.set('card', clientId)
  return `/?${search.toString()}`
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
]

/**
 * "5 minutes ago", "yesterday", up to a week back; older than that, the date. Under a minute
 * is "now". `format` is the date formatter for the older ones.
 */
export function relativeTime(
  iso: string,
  now: number,
  locale: string,
  format: (iso: string) => string,
): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  let value = Math.floor((now - Date.parse(iso)) / 60_000)
  if (Number.isNaN(value)) return ''
  if (value < 1) return rtf.format(0, 'second')
  for (const [unit, size] of UNITS) {
    if (value < size) return rtf.format(-value, unit)
    value = Math.floor(value / size)
  }
  return format(iso)
}
