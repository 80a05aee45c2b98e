import { useEffect, useState } from 'preact/hooks'
import { listDeliveries, type Delivery } from '../api/webhooks'
import { ErrorState } from '../components/status-panel'
import { useI18n } from '../i18n'

/** The last deliveries of one webhook: what was sent, how often tried, and how it went. */
export function DeliveriesLog({ webhookId }: { webhookId: string }) {
  const { t, number, dateTime } = useI18n()
  const [list, setList] = useState<Delivery[] | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setFailed(null)
    listDeliveries(webhookId, abort.signal)
      .then(setList)
      .catch((error: unknown) => !abort.signal.aborted && setFailed(error))
    return () => abort.abort()
  }, [webhookId, attempt])

  const reload = () => setAttempt((n) => n + 1)
  if (failed) return <ErrorState error={failed} onRetry={reload} />

  return (
    <div class="deliveries">
      <header class="deliveries__header">
        <h4 class="deliveries__title">{t('settings.webhooks.log.title')}</h4>
        <button type="button" class="link-button" onClick={reload}>
          {t('settings.webhooks.log.refresh')}
        </button>
      </header>
      {list === null ? (
        <p class="settings-empty">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p class="settings-empty">{t('settings.webhooks.log.empty')}</p>
      ) : (
        <div class="deliveries__scroll">
          <table class="deliveries__table">
            <thead>
              <tr>
                <th scope="col">{t('settings.webhooks.log.time')}</th>
                <th scope="col">{t('settings.webhooks.log.event')}</th>
                <th scope="col">{t('settings.webhooks.log.status')}</th>
                <th scope="col" class="deliveries__num">
                  {t('settings.webhooks.log.attempts')}
                </th>
                <th scope="col">{t('settings.webhooks.log.last')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>{dateTime(d.createdAt)}</td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td>
                    <span class={`delivery-status delivery-status--${d.status}`}>
                      {t(`settings.webhooks.log.${d.status}`)}
                    </span>
                    <span class="deliveries__when">
                      {d.deliveredAt
                        ? dateTime(d.deliveredAt)
                        : t('settings.webhooks.log.next', { time: dateTime(d.nextAttemptAt) })}
                    </span>
                  </td>
                  <td class="deliveries__num">{number(d.attempts)}</td>
                  <td class="deliveries__error">
                    {d.lastStatus !== null && <code>HTTP {d.lastStatus}</code>}{' '}
                    {d.lastError
                      ? t(`settings.webhooks.log.error.${d.lastError}`)
                      : d.lastStatus === null && '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
