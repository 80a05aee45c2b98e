import { useEffect, useState } from 'preact/hooks'
import { listWebhooks, patchWebhook, type Webhook } from '../api/webhooks'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { reportFailure } from '../components/save-failure'
import { DeliveriesLog } from './deliveries-log'

import { SecretBox } from '../components/secret-box'
import { WebhookForm } from './webhook-form'

/** Outgoing webhooks: the endpoints, what they get, whether they are on, and their log. */
export function WebhooksSection() {
  const { t, date } = useI18n()
  const [list, setList] = useState<Webhook[] | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const [adding, setAdding] = useState(false)
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null)
  const [logOf, setLogOf] = useState<string | null>(null)
  // The webhook being switched: one request at a time, each with the version it knew.
  const [switching, setSwitching] = useState<string | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    setFailed(null)
    listWebhooks(abort.signal)
      .then(setList)
      .catch((error: unknown) => !abort.signal.aborted && setFailed(error))
    return () => abort.abort()
  }, [attempt])

  const reload = () => setAttempt((n) => n + 1)

  const toggle = async (hook: Webhook) => {
    setSwitching(hook.id)
    try {
      const saved = await patchWebhook(hook.id, { version: hook.version, active: !hook.active })
      setList((prev) => prev?.map((h) => (h.id === saved.id ? saved : h)) ?? null)
    } catch (error) {
      if (!reportFailure(error, t('settings.webhooks.conflict'), t)) return
      reload()
    }
    setSwitching(null)
  }

  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!list) return <LoadingState />

  return (
    <div class="webhooks">
      {secret && (
        <SecretBox url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} />
      )}
      <div class="settings-card">
        <header class="settings-card__header">
          <h3 class="settings-card__title">{t('settings.webhooks.list')}</h3>
          {!adding && (
            <button type="button" class="button button--primary" onClick={() => setAdding(true)}>
              {t('settings.webhooks.add')}
            </button>
          )}
        </header>
        {adding && (
          <WebhookForm
            onCreated={(created) => {
              const { secret: value, ...hook } = created
              setList((prev) => [hook, ...(prev ?? [])])
              setSecret({ url: hook.url, secret: value })
              setAdding(false)
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        {list.length === 0 ? (
          <p class="settings-empty">{t('settings.webhooks.empty')}</p>
        ) : (
          <ul class="webhook-list">
            {list.map((hook) => (
              <li
                key={hook.id}
                class={`webhook${hook.active ? '' : ' webhook--off'}`}
                data-webhook-id={hook.id}
              >
                <div class="webhook__row">
                  <div class="webhook__main">
                    <p class="webhook__url" title={hook.url}>
                      {hook.url}
                    </p>
                    <p class="webhook__meta">
                      <span class="webhook__status">
                        {t(hook.active ? 'settings.webhooks.on' : 'settings.webhooks.off')}
                      </span>
                      <span>{t(`settings.webhooks.format.${hook.format}`)}</span>
                      <span>{t('settings.webhooks.since', { date: date(hook.createdAt) })}</span>
                    </p>
                    <ul class="webhook__events" aria-label={t('settings.webhooks.events')}>
                      {hook.events.map((event) => (
                        <li key={event} class="event-chip">
                          {t(`settings.webhooks.event.${event}`)}
                        </li>
                      ))}
                    </ul>
                  </div>
                  <div class="webhook__actions">
                    <button
                      type="button"
                      class="button"
                      aria-expanded={logOf === hook.id}
                      onClick={() => setLogOf((id) => (id === hook.id ? null : hook.id))}
                    >
                      {t('settings.webhooks.log')}
                    </button>
                    <button
                      type="button"
                      class="button"
                      disabled={switching === hook.id}
                      onClick={() => void toggle(hook)}
                    >
                      {t(
                        hook.active ? 'settings.webhooks.switchOff' : 'settings.webhooks.switchOn',
                      )}
                    </button>
                  </div>
                </div>
                {logOf === hook.id && <DeliveriesLog webhookId={hook.id} />}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
