import { useState } from 'preact/hooks'
import type { Client, ClientPatch, StageRoleKind } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import { AssignActions } from '../assign/assign-actions'
import type { BoardModel } from '../board/board-model'
import { useI18n } from '../i18n'

interface Props {
  client: Client
  stage: Stage
  model: BoardModel
  /** Leads and admins assign; everyone else sees who holds each role. */
  editable: boolean
  onSave: (patch: Omit<ClientPatch, 'version'>) => Promise<boolean>
  /** Opens the ranked suggestions for a slot (leads and admins). */
  onAssign?: (kind: StageRoleKind) => void
}

const KINDS: readonly StageRoleKind[] = ['owner', 'communicator', 'support']

/** Owner, communicator and support, each chosen among the members who hold the stage's role. */
export function AssigneesSection({ client, stage, model, editable, onSave, onAssign }: Props) {
  const { t, text } = useI18n()
  const [busy, setBusy] = useState<StageRoleKind | null>(null)
  const members = [...model.members.values()].sort((a, b) => a.name.localeCompare(b.name))

  return (
    <section class="drawer__section" aria-labelledby="assignees-title">
      <h3 id="assignees-title" class="drawer__section-title">
        {t('drawer.assignees')}
      </h3>
      {!editable && <p class="drawer__hint">{t('drawer.assignees.readonly')}</p>}
      <div class="form">
        {KINDS.map((kind) => {
          const roleId = stage.roles[kind]
          const role = model.roles.get(roleId)
          const current = client.assignees[kind]
          const options = members.filter(
            (m) => m.id === current || (m.active && m.roleIds.includes(roleId)),
          )
          return (
            <label key={kind} class="field">
              <span class="field__label">
                {t(`role.${kind}`)}
                {role && <span class="field__note"> · {text(role.name)}</span>}
              </span>
              <select
                class="select"
                value={current ?? ''}
                disabled={!editable || busy !== null}
                onChange={async (e) => {
                  const value = e.currentTarget.value || null
                  setBusy(kind)
                  await onSave({ assignees: { [kind]: value } })
                  setBusy(null)
                }}
              >
                <option value="">{t('card.unassigned')}</option>
                {options.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} · {t(`grade.${m.grade}`)}
                  </option>
                ))}
              </select>
            </label>
          )
        })}
      </div>
      {editable && onAssign && <AssignActions onAssign={onAssign} />}
    </section>
  )
}
