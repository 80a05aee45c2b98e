import { useCallback, useRef, useState } from 'preact/hooks'
import type { Client, StageRoleKind } from '../../../schema/clients'
import { can, type User } from '../api/auth'
import type { BoardModel } from '../board/board-model'
import { locate, upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { needsAccountManager, slotRoleNames } from './account-manager'
import { LazyAssignDialog } from './lazy-assign-dialog'

/**
 * After a card lands in "Account manager assigned" with nobody in the account manager's slot:
 * a lead gets the assignment dialog with the suggestions, anyone else a note that the lead
 * will assign. Returns the mover's landing callback and the dialog to render.
 */
export function useAssignAfterMove(user: User, model: BoardModel, store: BoardStore) {
  const { t } = useI18n()
  const tRef = useRef(t)
  tRef.current = t
  const [open, setOpen] = useState<{ clientId: string; role: StageRoleKind } | null>(null)

  const landed = useCallback(
    (client: Client, fromStageId: string) => {
      if (client.stageId === fromStageId) return
      const stage = model.stages.get(client.stageId)
      const role = stage ? needsAccountManager(client, stage) : null
      if (!role) return
      if (can.assign(user)) setOpen({ clientId: client.id, role })
      else toast(tRef.current('assign.leadWill', { name: client.name }))
    },
    [user, model],
  )

  const client = open ? locate(store.snapshot, open.clientId)?.client : undefined
  const stage = client ? model.stages.get(client.stageId) : undefined
  const dialog =
    open && client && stage ? (
      <LazyAssignDialog
        client={client}
        role={open.role}
        roleNames={slotRoleNames(stage, model.roles)}
        onClient={(fresh) => store.update((columns) => upsert(columns, fresh))}
        onClose={() => setOpen(null)}
      />
    ) : null
  return [landed, dialog] as const
}
