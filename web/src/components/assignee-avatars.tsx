import type { Assignees, StageRoleKind } from '../../../schema/clients'
import type { Member } from '../../../schema/members'
import { initials } from '../board/board-model'
import { useI18n } from '../i18n'

const KINDS: readonly StageRoleKind[] = ['owner', 'communicator', 'support']

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
  assignees: Assignees
  members: Map<string, Member>
}

/** Owner, communicator and support of one client, in that order. */
export function AssigneeAvatars({ assignees, members }: Props) {
  const { t } = useI18n()
  return (
    <ul class="avatars">
      {KINDS.map((kind) => {
        const id = assignees[kind]
        const member = id ? members.get(id) : undefined
        const role = t(`role.${kind}`)
        const title = t('card.assignee', { role, name: member?.name ?? t('card.unassigned') })
        return (
          <li
            key={kind}
            class={member ? 'avatar' : 'avatar avatar--empty'}
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
