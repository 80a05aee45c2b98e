import { useRef, useState } from 'preact/hooks'
import { useI18n } from '../i18n'

/**
 * A new secret (a webhook's signing secret, an API token): shown once, with a copy button,
 * until dismissed. `title` and `about` default to the webhook's words.
 */
export function SecretBox({
  url = '',
  title,
  about,
  secret,
  onDone,
}: {
  url?: string
  title?: string
  about?: string
  secret: string
  onDone: () => void
}) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  const code = useRef<HTMLElement>(null)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied(true)
    } catch {
      // No clipboard (an insecure origin, a denied permission): select it for Ctrl+C instead.
      const el = code.current
      const selection = getSelection()
      if (el && selection) selection.selectAllChildren(el)
    }
  }

  return (
    <section class="secret-box" role="status" aria-labelledby="secret-title">
      <h3 id="secret-title" class="secret-box__title">
        {title ?? t('settings.webhooks.secret.title')}
      </h3>
      <p class="secret-box__text">{about ?? t('settings.webhooks.secret.about', { url })}</p>
      <div class="secret-box__row">
        <code ref={code} class="secret-box__secret">
          {secret}
        </code>
        <button type="button" class="button" onClick={() => void copy()}>
          {copied ? t('settings.webhooks.secret.copied') : t('settings.webhooks.secret.copy')}
        </button>
        <button type="button" class="button button--primary" onClick={onDone}>
          {t('settings.webhooks.secret.done')}
        </button>
      </div>
    </section>
  )
}
