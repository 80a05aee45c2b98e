import { ApiError } from '../api/client'
import type { I18n } from '../i18n'
import { toast } from './toasts'

export { FieldError, invalidProps } from './field-error'

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
