import type { StageRoleKind } from '../../../schema/clients'
import { useI18n } from '../i18n'
import { ROLE_KINDS } from './account-manager'
import './assign-actions.css'

/** In the card drawer, for leads: open the ranked suggestions for one of the three slots. */
export function AssignActions({ onAssign }: { onAssign: (role: StageRoleKind) => void }) {
  const { t } = useI18n()
  return (
    <div class="assign-actions" role="group" aria-labelledby="assign-actions-label">
      <span id="assign-actions-label" class="assign-actions__label">
        {t('assign.open')}
      </span>
      {ROLE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          class="chip assign-actions__button"
          data-role={kind}
          onClick={() => onAssign(kind)}
        >
          {t(`role.${kind}`)}
        </button>
      ))}
    </div>
  )
}
