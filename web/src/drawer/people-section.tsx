import { useState } from 'preact/hooks'
import type { Client, StageRoleKind } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import { ROLE_KINDS } from '../assign/account-manager'
import type { BoardModel } from '../board/board-model'
import { useI18n } from '../i18n'
import './people.css'

interface Props {
  client: Client
  stage: Stage
  model: BoardModel
  /** Leads and admins change people; everyone else reads them. */
  editable: boolean
  /** Opens the ranked suggestions for a journey role. */
  onAssign: (roleId: string) => void
  /** Leaves a role empty. */
  onClear: (roleId: string) => Promise<void>
}

/** The live stage after `stage` in journey order, if any. */
function nextStage(model: BoardModel, stage: Stage): Stage | undefined {
  const order = model.phases.flatMap((p) => p.stages)
  return order[order.findIndex((s) => s.id === stage.id) + 1]
}

/** The parts (owner / communicator / support) a role plays at a stage. */
const partsAt = (stage: Stage | undefined, roleId: string): StageRoleKind[] =>
  stage ? ROLE_KINDS.filter((kind) => stage.roles[kind] === roleId) : []

/**
 * Every journey role with the client's person for it, marking the roles that act at the
 * card's stage and at the next one; a lead changes a role through the suggestions.
 */
export function PeopleSection({ client, stage, model, editable, onAssign, onClear }: Props) {
  const { t, text } = useI18n()
  const [busy, setBusy] = useState<string | null>(null)
  const next = nextStage(model, stage)
  const roles = [...model.roles.values()].sort((a, b) => a.position - b.position)

  return (
    <section class="drawer__section" aria-labelledby="people-title">
      <h3 id="people-title" class="drawer__section-title">
        {t('drawer.people')}
      </h3>
      {!editable && <p class="drawer__hint">{t('drawer.people.readonly')}</p>}
      <ul class="people">
        {roles.map((role) => {
          const memberId = client.people[role.id]
          const member = memberId ? model.members.get(memberId) : undefined
          const now = partsAt(stage, role.id)
          const then = partsAt(next, role.id)
          const unstaffed = !memberId && now.some((kind) => kind !== 'support')
          return (
            <li
              key={role.id}
              class={`people__row${now.length > 0 ? ' people__row--acting' : ''}`}
              data-role-id={role.id}
            >
              <div class="people__role">
                <span class="people__role-name">{text(role.name)}</span>
                <span class="people__marks">
                  {now.length > 0 && (
                    <span class="people__mark people__mark--now">
                      {t('drawer.people.now', {
                        parts: now.map((kind) => t(`role.${kind}`)).join(', '),
                      })}
                    </span>
                  )}
                  {then.length > 0 && (
                    <span class="people__mark">
                      {t('drawer.people.next', {
                        parts: then.map((kind) => t(`role.${kind}`)).join(', '),
                      })}
                    </span>
                  )}
                </span>
              </div>
              <span
                class={`people__person${unstaffed ? ' people__person--unstaffed' : ''}`}
                data-member-id={memberId}
              >
                {member
                  ? `${member.name} · ${t(`grade.${member.grade}`)}`
                  : memberId
                    ? memberId
                    : t(unstaffed ? 'card.unstaffed' : 'card.unassigned')}
              </span>
              {editable && (
                <span class="people__actions">
                  <button
                    type="button"
                    class="chip people__change"
                    disabled={busy !== null}
                    onClick={() => onAssign(role.id)}
                  >
                    {memberId ? t('drawer.people.change') : t('drawer.people.assign')}
                  </button>
                  {memberId && (
                    <button
                      type="button"
                      class="chip people__clear"
                      disabled={busy !== null}
                      aria-label={t('drawer.people.clear', { role: text(role.name) })}
                      title={t('drawer.people.clear', { role: text(role.name) })}
                      onClick={async () => {
                        setBusy(role.id)
                        await onClear(role.id)
                        setBusy(null)
                      }}
                    >
                      ×
                    </button>
                  )}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
