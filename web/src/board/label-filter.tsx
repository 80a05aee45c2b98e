import type { Filters } from './filters'
import { useI18n } from '../i18n'
import { useLabels } from '../labels/label-store'

interface Props {
  filters: Filters
  onChange: (patch: Partial<Filters>) => void
}

/** Narrows the board to the cards with one label; shown once the organisation has labels. */
export function LabelFilter({ filters, onChange }: Props) {
  const { t } = useI18n()
  const labels = [...useLabels().values()]
  if (labels.length === 0 && !filters.label) return null
  return (
    <select
      class="select"
      aria-label={t('filters.byLabel')}
      value={filters.label ?? ''}
      onChange={(event) => onChange({ label: event.currentTarget.value || null })}
    >
      <option value="">{t('filters.byLabel.any')}</option>
      {labels.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </select>
  )
}
