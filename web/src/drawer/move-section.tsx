import type { Client } from '../../../schema/clients'
import { useI18n } from '../i18n'
import { useQuick } from '../quick/quick-context'

/** "Move to stage…" in the drawer: the stage list, then the same move as a drop on the board. */
export function MoveSection({ client }: { client: Client }) {
  const { t } = useI18n()
  const quick = useQuick()
  if (!quick?.canEdit || client.archived) return null
  return (
    <div class="drawer-move">
      <button type="button" class="button" onClick={() => quick.pickStage([client.id])}>
        {t('quick.menu.move')}
      </button>
    </div>
  )
}
