import { ApiError } from '../api/client'
import { toast } from './toasts'
import type { I18n } from '../i18n'
import { errorText } from './save-failure'
import { fieldErrors, type FieldErrors } from './form-errors'

/**
 * What a failed save shows: a 422's messages by field, a known 409 code as a message on the
 * field it concerns (`codes`), a stale version as the form's own message; other failures toast.
 * A 401 shows nothing (the app sends the user to sign in).
 */
export function saveErrors(
  error: unknown,
  t: I18n['t'],
  codes: Record<string, { field: string; message: string }> = {},
  prefix = '',
): FieldErrors {
  if (!(error instanceof ApiError) || error.status === 401) {
    if (!(error instanceof ApiError))
      toast(t('settings.failed', { reason: errorText(error, t) }), 'error')
    return {}
  }
  const known = codes[error.code]
  if (known) return { [known.field]: [known.message] }
  if (error.status === 422) return fieldErrors(error, prefix)
  if (error.code === 'version_conflict') return { '': [t('admin.conflict')] }
  return { '': [t('settings.failed', { reason: errorText(error, t) })] }
}
