import type { Member } from '../../../schema/members'
import type { Role } from '../../../schema/journey'
import type { BoardPhase } from '../board/board-model'
import { useI18n } from '../i18n'
import { StageColumn } from './stage-column'

// One calm colour per touchpoint, in journey order; a phase beyond the seventh reuses them.
const PHASE_COLORS = ['#6366f1', '#0ea5e9', '#8b5cf6', '#f59e0b', '#10b981', '#ec4899', '#64748b']

interface Props {
  group: BoardPhase
  index: number
  roles: Map<string, Role>
  members: Map<string, Member>
  now: Date
}

export function PhaseGroup({ group, index, roles, members, now }: Props) {
  const { t, text, number } = useI18n()
  const color = PHASE_COLORS[index % PHASE_COLORS.length] ?? '#64748b'
  const countTitle = t('phase.count.title', { n: group.clientCount })

  return (
    <section class="phase" style={{ '--phase-color': color }} data-phase-id={group.phase.id}>
      <header class="phase__header">
        <div class="phase__title">
          <span class="phase__index">{number(index + 1)}</span>
          <h2 class="phase__name">{text(group.phase.name)}</h2>
          <span class="phase__count" title={countTitle} aria-label={countTitle}>
            {number(group.clientCount)}
          </span>
        </div>
      </header>
      <div class="phase__stages">
        {group.stages.map((column) => (
          <StageColumn
            key={column.stage.id}
            column={column}
            roles={roles}
            members={members}
            now={now}
          />
        ))}
      </div>
    </section>
  )
}
