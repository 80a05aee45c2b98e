import type { RowError } from '../../../schema/imports'
import { toCsv } from '../../../shared/csv-write'
import { ExportButton } from '../export/export-button'
import { useI18n } from '../i18n'

const SHOWN = 200

/** The rows left out, by line: the first ones on screen, all of them as CSV. */
export function RowErrors({ errors }: { errors: RowError[] }) {
  const { t, locale } = useI18n()
  const csv = () =>
    toCsv(
      errors,
      [
        { header: t('import.line'), value: (e) => e.line },
        { header: t('import.errorField'), value: (e) => e.field },
        { header: t('import.errorMessage'), value: (e) => e.message },
      ],
      locale,
    )
  return (
    <div class="data-errors">
      <div class="data-errors__head">
        <h3 class="data-section__subtitle">{t('import.errorsTitle')}</h3>
        <ExportButton name="import-errors" csv={csv} />
      </div>
      <ul class="data-errors__list" data-testid="import-errors">
        {errors.slice(0, SHOWN).map((e, i) => (
          <li key={i}>
            <strong>{t('import.lineN', { n: e.line })}</strong> · {e.field}: {e.message}
          </li>
        ))}
      </ul>
      {errors.length > SHOWN && <p>{t('import.moreErrors', { n: errors.length - SHOWN })}</p>}
    </div>
  )
}
