import { ApiError } from '../api/client'
import type { I18n } from '../i18n'
import { toast } from '../components/toasts'

/** Messages under a form control; give the control `aria-describedby={id}` while they show. */
export function FieldError({ id, messages }: { id: string; messages?: readonly string[] }) {
  if (!messages || messages.length === 0) return null
  return (
    <p id={id} class="field__error">
      {messages.join(' ')}
    </p>
  )
}

/** The attributes that tie a control to its {@link FieldError}. */
export function invalidProps(id: string, messages?: readonly string[]) {
  const invalid = !!messages && messages.length > 0
  return invalid ? { 'aria-invalid': true, 'aria-describedby': id } : {}
}

/** Why a request failed, in words for a message: the network, a refusal, or the server's own. */
export function errorText(error: unknown, t: I18n['t']): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  if (error.code === 'network') return t('app.error.network')
  if (error.status === 403) return t('drawer.forbidden')
  return error.message
}

/**
 * After a failed save in a settings list: a 401 is left to the sign-in redirect (false);
 * otherwise a toast says why — `conflict` for a stale version — and the caller reloads (true).
 */
export function reportFailure(error: unknown, conflict: string, t: I18n['t']): boolean {
  if (error instanceof ApiError && error.status === 401) return false
  const stale = error instanceof ApiError && error.status === 409
  toast(stale ? conflict : t('settings.failed', { reason: errorText(error, t) }), 'error')
  return true
}
