import { useState } from 'preact/hooks'
import { ApiError } from '../api/client'
import { createWebhook, WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../api/webhooks'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { errorText, FieldError, invalidProps } from '../components/save-failure'
import { fieldErrors, otherErrors, type FieldErrors } from '../components/form-errors'

interface Props {
  onCreated: (created: Webhook & { secret: string }) => void
  onCancel: () => void
}

/** A new endpoint: its URL, the events it gets, JSON or Slack-style text. */
export function WebhookForm({ onCreated, onCancel }: Props) {
  const { t } = useI18n()
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS])
  const [format, setFormat] = useState<'json' | 'slack'>('json')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const local: FieldErrors = {}
    if (!/^https?:\/\/\S+$/i.test(url.trim())) local.url = [t('settings.webhooks.error.url')]
    if (events.length === 0) local.events = [t('settings.webhooks.error.events')]
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setSaving(true)
    try {
      onCreated(await createWebhook({ url: url.trim(), events, format }))
    } catch (error) {
      setSaving(false)
      if (error instanceof ApiError && error.code === 'private_address') {
        setErrors({ url: [t('settings.webhooks.error.private')] })
      } else if (error instanceof ApiError && error.status === 422) setErrors(fieldErrors(error))
      else if (!(error instanceof ApiError && error.status === 401)) {
        toast(t('settings.failed', { reason: errorText(error, t) }), 'error')
      }
    }
  }
  const general = otherErrors(errors, ['url', 'events', 'format'])

  return (
    <form
      class="webhook-form"
      aria-label={t('settings.webhooks.add')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {general.length > 0 && (
        <p class="settings-notice settings-notice--error" role="alert">
          {general.join(' ')}
        </p>
      )}
      <div class="form__row form__row--wide">
        <div class="settings-field">
          <label class="settings-field__label" for="webhook-url">
            {t('settings.webhooks.url')}
          </label>
          <input
            id="webhook-url"
            class="input"
            type="url"
            inputMode="url"
            placeholder="https://example.com/hooks/journey"
            maxLength={2000}
            value={url}
            {...invalidProps('webhook-url-error', errors.url)}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
          <FieldError id="webhook-url-error" messages={errors.url} />
        </div>
        <div class="settings-field">
          <label class="settings-field__label" for="webhook-format">
            {t('settings.webhooks.format')}
          </label>
          <select
            id="webhook-format"
            class="select"
            value={format}
            onChange={(event) =>
              setFormat(event.currentTarget.value === 'slack' ? 'slack' : 'json')
            }
          >
            <option value="json">{t('settings.webhooks.format.json')}</option>
            <option value="slack">{t('settings.webhooks.format.slack')}</option>
          </select>
        </div>
      </div>
      <fieldset class="settings-field">
        <legend class="settings-field__label">{t('settings.webhooks.events')}</legend>
        <div class="event-picker" {...invalidProps('webhook-events-error', errors.events)}>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} class="event-picker__option">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={() =>
                  setEvents((list) =>
                    list.includes(event)
                      ? list.filter((e) => e !== event)
                      : WEBHOOK_EVENTS.filter((e) => e === event || list.includes(e)),
                  )
                }
              />
              <span>{t(`settings.webhooks.event.${event}`)}</span>
              <code>{event}</code>
            </label>
          ))}
        </div>
        <FieldError id="webhook-events-error" messages={errors.events} />
      </fieldset>
      <p class="settings-field__note">{t('settings.webhooks.signing')}</p>
      <div class="form__actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.webhooks.create')}
        </button>
      </div>
    </form>
  )
}
