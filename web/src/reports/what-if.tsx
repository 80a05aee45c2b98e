import { GRADES } from '../../../schema/enums'
import { useI18n } from '../i18n'

/** Whom a forecast may add: anyone who carries clients (a lead manages people). */
const ADDABLE = GRADES.filter((g) => g !== 'lead')

/** The forecast's what-if: change the monthly inflow, add a person; the curve redraws. */
export function WhatIfControls({
  search,
  onChange,
}: {
  search: URLSearchParams
  onChange: (key: string, value: string) => void
}) {
  const { t } = useI18n()
  const inflow = search.get('inflow') ?? '0'
  return (
    <form
      class="report-filters report-whatif"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('reports.whatif')}
    >
      <label class="report-filter">
        <span>{t('reports.whatif.inflow', { value: inflow })}</span>
        <input
          type="range"
          min={-50}
          max={100}
          step={10}
          value={inflow}
          onChange={(e) =>
            onChange('inflow', e.currentTarget.value === '0' ? '' : e.currentTarget.value)
          }
        />
      </label>
      <label class="report-filter">
        <span>{t('reports.whatif.add')}</span>
        <select
          value={search.get('addGrade') ?? ''}
          onChange={(e) => onChange('addGrade', e.currentTarget.value)}
        >
          <option value="">{t('reports.whatif.nobody')}</option>
          {ADDABLE.map((g) => (
            <option key={g} value={g}>
              {t(`grade.${g}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  )
}
