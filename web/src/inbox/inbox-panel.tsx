import { useState } from 'preact/hooks'
import type { Notification } from '../api/notifications'
import { toast } from '../components/toasts'
import { ExportButton } from '../export/export-button'
import { inboxCsv } from './inbox-csv'
import { useI18n } from '../i18n'
import { navigate, usePlace } from '../routing/nav'
import { NotificationIconBadge } from './inbox-icons'
import { cardHref, notificationIcon, notificationText, relativeTime } from './notification-view'
import type { useInbox } from './use-inbox'

interface Props {
  inbox: ReturnType<typeof useInbox>
  onClose: () => void
}

/** The inbox, newest first: open one to read it (and its card), or mark them all read. */
export function InboxPanel({ inbox, onClose }: Props) {
  const i18n = useI18n()
  const { t, number } = i18n
  const { items, unread, failed } = inbox

  return (
    <section class="inbox__panel" aria-labelledby="inbox-title">
      <header class="inbox__header">
        <h2 id="inbox-title" class="inbox__title">
          {t('inbox.title')}
          {unread > 0 && <span class="inbox__count">{number(unread)}</span>}
        </h2>
        <button
          type="button"
          class="link-button"
          disabled={unread === 0}
          onClick={async () => {
            if (!(await inbox.markAll())) toast(t('inbox.markAll.failed'), 'error')
          }}
        >
          {t('inbox.markAll')}
        </button>
        {items && items.length > 0 && (
          <ExportButton name="notifications" csv={() => inboxCsv(items, i18n)} />
        )}
      </header>
      {items === null ? (
        failed ? (
          <div class="inbox__state" role="alert">
            <p>{t('inbox.failed')}</p>
            <button type="button" class="button" onClick={() => void inbox.refresh()}>
              {t('app.error.retry')}
            </button>
          </div>
        ) : (
          <p class="inbox__state" role="status">
            {t('app.loading')}
          </p>
        )
      ) : items.length === 0 ? (
        <p class="inbox__state">{t('inbox.empty')}</p>
      ) : (
        <ul class="inbox__list">
          {items.map((n) => (
            <InboxItem
              key={n.id}
              notification={n}
              onOpen={() => n.readAt === null && inbox.markRead(n.id)}
              onClose={onClose}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

interface ItemProps {
  notification: Notification
  onOpen: () => void
  onClose: () => void
}

function InboxItem({ notification: n, onOpen, onClose }: ItemProps) {
  const { t, locale, dateTime, date } = useI18n()
  const place = usePlace()
  const [expanded, setExpanded] = useState(false)
  const { title, body } = notificationText(n, locale)
  const icon = notificationIcon(n)
  const unread = n.readAt === null
  const href = n.clientId ? cardHref(place, n.clientId) : null

  return (
    <li
      class={`inbox-item${unread ? ' inbox-item--unread' : ''}${expanded ? ' inbox-item--expanded' : ''}`}
      data-kind={n.kind}
    >
      <NotificationIconBadge icon={icon} />
      <div class="inbox-item__main">
        {href ? (
          <a
            class="inbox-item__title"
            href={href}
            onClick={(event) => {
              event.preventDefault()
              onOpen()
              onClose()
              navigate(href)
            }}
          >
            {title}
          </a>
        ) : (
          <button
            type="button"
            class="inbox-item__title"
            aria-expanded={expanded}
            onClick={() => {
              onOpen()
              setExpanded((v) => !v)
            }}
          >
            {title}
          </button>
        )}
        {body && <p class="inbox-item__body">{body}</p>}
        <p class="inbox-item__meta">
          <time dateTime={n.createdAt} title={dateTime(n.createdAt)}>
            {relativeTime(n.createdAt, Date.now(), locale, date)}
          </time>
          {href && <span aria-hidden="true">{t('inbox.openCard')}</span>}
        </p>
      </div>
      {unread && (
        <span
          class="inbox-item__dot"
          role="img"
          aria-label={t('inbox.unread')}
          title={t('inbox.unread')}
        />
      )}
    </li>
  )
}
