import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import type { Acting, StageRoleKind } from '../../../schema/clients'
import type { LocalizedText } from '../../../schema/common'
import type { StageRoles } from '../../../schema/journey'
import type { Member } from '../../../schema/members'
import { initials } from './board-model'
import { useI18n } from '../i18n'

const KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS

/** A stable soft colour per person (a hash of the id), so a face looks the same on every card. */
export function hue(id: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  // Final mix (murmur3 fmix32): ids that differ in one last character still get far-apart hues.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return ((hash ^ (hash >>> 16)) >>> 0) % 360
}

interface Props {
  /** Who acts at the card's stage: the client's people for the stage's roles. */
  acting: Acting
  /** The stage's journey role per slot, and their names: an empty slot names its role. */
  roles: StageRoles
  roleNames: ReadonlyMap<string, { name: LocalizedText }>
  members: Map<string, Member>
}

/**
 * Owner, communicator and support of a card at its stage, in that order. An empty owner or
 * communicator slot reads as unstaffed, with the missing role's name on hover.
 */
export function AssigneeAvatars({ acting, roles, roleNames, members }: Props) {
  const { t, text } = useI18n()
  return (
    <ul class="avatars">
      {KINDS.map((kind) => {
        const id = acting[kind]
        const member = id ? members.get(id) : undefined
        const role = roleNames.get(roles[kind])
        const slot = `${t(`role.${kind}`)} · ${role ? text(role.name) : roles[kind]}`
        const unstaffed = !member && kind !== 'support'
        const title = t('card.assignee', {
          role: slot,
          name: member?.name ?? t(unstaffed ? 'card.unstaffed' : 'card.unassigned'),
        })
        return (
          <li
            key={kind}
            class={
              member ? 'avatar' : unstaffed ? 'avatar avatar--unstaffed' : 'avatar avatar--empty'
            }
            data-unstaffed={unstaffed ? roles[kind] : undefined}
            style={member ? { '--avatar-hue': String(hue(member.id)) } : undefined}
            title={title}
            aria-label={title}
          >
            {member ? initials(member.name) : ''}
          </li>
        )
      })}
    </ul>
  )
}
