import { useCallback, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import type { BoardModel } from '../board/board-model'
import { locate, upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { roleNameMap, stageRoleIds, unstaffedRole } from './account-manager'
import { LazyAssignDialog } from './lazy-assign-dialog'

/**
 * After a card lands in a stage whose owner or communicator role the client has nobody for
 * (e.g. "Account manager assigned" before the account manager is chosen): a lead gets the
 * assignment dialog for that role, anyone else a note that the lead will assign. Returns the
 * mover's landing callback and the dialog to render.
 */
export function useAssignAfterMove(user: User, model: BoardModel, store: BoardStore) {
  const { t, text } = useI18n()
  const tRef = useRef({ t, text })
  tRef.current = { t, text }
  const [open, setOpen] = useState<{ clientId: string; roleId: string } | null>(null)

  const landed = useCallback(
    (client: Client, fromStageId: string) => {
      if (client.stageId === fromStageId) return
      const stage = model.stages.get(client.stageId)
      const roleId = stage ? unstaffedRole(client, stage) : null
      if (!roleId) return
      if (can(user.role, 'clients.assign')) setOpen({ clientId: client.id, roleId })
      else {
        const role = model.roles.get(roleId)
        const { t: tr, text: tx } = tRef.current
        toast(tr('assign.leadWill', { name: client.name, role: role ? tx(role.name) : roleId }))
      }
    },
    [user, model],
  )

  const client = open ? locate(store.snapshot, open.clientId)?.client : undefined
  const stage = client ? model.stages.get(client.stageId) : undefined
  const dialog =
    open && client && stage ? (
      <LazyAssignDialog
        client={client}
        roleId={open.roleId}
        roleIds={stageRoleIds(stage)}
        roleNames={roleNameMap(model.roles.values())}
        onClient={(fresh) => store.update((columns) => upsert(columns, fresh))}
        onClose={() => setOpen(null)}
      />
    ) : null
  return [landed, dialog] as const
}
