import { memo } from 'preact/compat'
import type { BoardPhase } from '../board/board-model'
import { useI18n } from '../i18n'
import { ChevronIcon, FocusIcon } from '../components/icons'
import { StageColumn } from './stage-column'
import { PHASE_COLORS, usePhaseCounts } from '../board/phase-counts'

interface Props {
  group: BoardPhase
  index: number
  collapsed: boolean
  focused: boolean
  onToggle: (phaseId: string) => void
  onFocus: (phaseId: string | null) => void
}

/** A touchpoint: its header, then its stage columns side by side (or a slim strip, collapsed). */
export const PhaseGroup = memo(function PhaseGroup(props: Props) {
  const { group, index, collapsed, focused, onToggle, onFocus } = props
  const { t, text, number } = useI18n()
  const { cards, overdue, total } = usePhaseCounts(group)
  const color = PHASE_COLORS[index % PHASE_COLORS.length] ?? '#64748b'
  const name = text(group.phase.name)
  const countTitle =
    cards === total
      ? t('phase.count.title', { n: cards })
      : t('phase.count.filtered', { n: cards, total })
  const overdueTitle = t('phase.overdue.title', { n: overdue })

  return (
    <section
      class={`phase${collapsed ? ' phase--collapsed' : ''}`}
      style={{ '--phase-color': color }}
      data-phase-id={group.phase.id}
      aria-label={name}
    >
      <header class="phase__header">
        <div class="phase__title">
          <button
            type="button"
            class="icon-button phase__toggle"
            aria-expanded={!collapsed}
            title={t(collapsed ? 'phase.expand' : 'phase.collapse', { name })}
            aria-label={t(collapsed ? 'phase.expand' : 'phase.collapse', { name })}
            onClick={() => onToggle(group.phase.id)}
          >
            <ChevronIcon direction={collapsed ? 'right' : 'down'} />
          </button>
          <span class="phase__index">{number(index + 1)}</span>
          <h2 class="phase__name">{name}</h2>
          <span class="phase__count" title={countTitle} aria-label={countTitle}>
            {number(cards)}
          </span>
          {overdue > 0 && (
            <span class="phase__overdue" title={overdueTitle} aria-label={overdueTitle}>
              {number(overdue)}
            </span>
          )}
          {!collapsed && (
            <button
              type="button"
              class="icon-button phase__focus"
              aria-pressed={focused}
              title={t(focused ? 'phase.unfocus' : 'phase.focus', { name })}
              aria-label={t(focused ? 'phase.unfocus' : 'phase.focus', { name })}
              onClick={() => onFocus(focused ? null : group.phase.id)}
            >
              <FocusIcon />
            </button>
          )}
        </div>
      </header>
      {!collapsed && (
        <div class="phase__stages">
          {group.stages.map((stage) => (
            <StageColumn key={stage.id} stage={stage} />
          ))}
        </div>
      )}
    </section>
  )
})
