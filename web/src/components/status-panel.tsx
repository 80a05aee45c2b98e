import { ApiError } from '../api/client'
import { useI18n } from '../i18n'
import './status-panel.css'

export function LoadingState() {
  const { t } = useI18n()
  return (
    <div class="status" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <p>{t('app.loading')}</p>
    </div>
  )
}

/** Shows what went wrong in the server's own words, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  const message =
    error instanceof ApiError
      ? error.code === 'network'
        ? t('app.error.network')
        : error.message
      : error instanceof Error
        ? error.message
        : String(error)
  const code =
    error instanceof ApiError && error.status > 0 ? `${error.status} · ${error.code}` : ''

  return (
    <div class="status status--error" role="alert">
      <h2 class="status__title">{t('app.error.title')}</h2>
      <p class="status__message">{message}</p>
      {code && <p class="status__code">{code}</p>}
      <button type="button" class="button" onClick={onRetry}>
        {t('app.error.retry')}
      </button>
    </div>
  )
}
