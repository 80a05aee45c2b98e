import { ApiError } from '../api/client'
import { toast } from '../components/toasts'
import type { I18n } from '../i18n'

/** The field messages of a 422, for forms that show them beside their inputs. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  return error instanceof ApiError && error.status === 422 ? (error.fields ?? {}) : {}
}

/** Says why a write of the record failed (nothing for a lost session: sign-in takes over). */
export function recordFailed(error: unknown, { t }: I18n) {
  if (error instanceof ApiError && error.status === 401) return
  const code = error instanceof ApiError ? error.code : ''
  toast(
    code === 'version_conflict'
      ? t('record.conflict')
      : code === 'forbidden'
        ? t('drawer.forbidden')
        : code === 'archived'
          ? t('record.archived')
          : t('drawer.failed', { reason: error instanceof Error ? error.message : String(error) }),
    'error',
  )
}

/** Today in the reader's time zone, as YYYY-MM-DD. */
export const today = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
