import { useState } from 'preact/hooks'
import { ApiError } from '../api/client'
import { restoreBackup } from '../api/imports'
import { useI18n } from '../i18n'

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string }

/** The admin's backup: download the organisation; restore one into an empty deployment. */
export function BackupSection() {
  const { t } = useI18n()
  const [state, setState] = useState<State>({ kind: 'idle' })

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    if (!file) return
    setState({ kind: 'busy' })
    try {
      await restoreBackup(JSON.parse(await file.text()) as unknown)
      // Every session ended with the restore: sign in again, to the restored organisation.
      location.assign('/login')
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 409
          ? t('backup.notEmpty')
          : error instanceof SyntaxError
            ? t('backup.notJson')
            : String((error as Error).message)
      setState({ kind: 'error', message })
      input.value = ''
    }
  }

  return (
    <section class="data-section" aria-labelledby="backup-title">
      <h2 id="backup-title" class="data-section__title">
        {t('backup.title')}
      </h2>
      <p class="data-section__hint">{t('backup.hint')}</p>
      <div class="data-actions">
        <a class="button button--primary" href="/api/backup" download>
          {t('backup.download')}
        </a>
      </div>
      <h3 class="data-section__subtitle">{t('backup.restore')}</h3>
      <p class="data-section__hint">{t('backup.restoreHint')}</p>
      <label class="data-file">
        <span>{t('backup.file')}</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={state.kind === 'busy'}
          onChange={(e) => void restore(e.currentTarget)}
        />
      </label>
      {state.kind === 'error' && (
        <p class="data-section__warn" role="alert">
          {state.message}
        </p>
      )}
    </section>
  )
}
