import type { Stage } from '../../../schema/journey'
import { useI18n } from '../i18n'
import { useQuick } from './quick-context'
import { PlusIcon } from './quick-icons'

/** "+" in a column's header: a new card on top of this stage (members and up). */
export function AddCardButton({ stage }: { stage: Stage }) {
  const { t, text } = useI18n()
  const quick = useQuick()
  if (!quick?.canEdit) return null
  const label = t('quick.add', { stage: text(stage.name) })
  return (
    <button
      type="button"
      class="icon-button add-card"
      aria-label={label}
      title={label}
      onClick={() => quick.addCard(stage)}
    >
      <PlusIcon />
    </button>
  )
}
