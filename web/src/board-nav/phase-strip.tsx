import { useEffect, useState } from 'preact/hooks'
import type { BoardPhase } from '../board/board-model'
import { PHASE_COLORS, usePhaseCounts } from '../board/phase-counts'
import { useI18n } from '../i18n'
import { MyCardsJump } from './my-cards-jump'
import { phaseInView, scrollToPhase } from './scroll-to'
import './board-nav.css'

interface Props {
  /** Every phase of the journey (a focused board still lists them all). */
  phases: BoardPhase[]
  collapsed: ReadonlySet<string>
  focusedPhase: string | null
  onToggle: (phaseId: string) => void
  onFocus: (phaseId: string | null) => void
  myMemberId: string | null
}

/**
 * The seven phases in a row, each with the cards the filters leave in it: a click scrolls the
 * board to that phase (unfolding it, or switching the phase focus to it). The phase in view is
 * marked current as the board scrolls.
 */
export function PhaseStrip(props: Props) {
  const { phases, collapsed, focusedPhase, onToggle, onFocus, myMemberId } = props
  const { t } = useI18n()
  const [current, setCurrent] = useState<string | null>(null)
  const [pending, setPending] = useState<string | null>(null)

  useEffect(() => {
    const board = document.querySelector<HTMLElement>('main.board')
    if (!board) return
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setCurrent(phaseInView()))
    }
    update()
    board.addEventListener('scroll', update, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      board.removeEventListener('scroll', update)
    }
  }, [focusedPhase, collapsed])

  // A jump that first had to unfold or focus the phase scrolls once the board has drawn it.
  useEffect(() => {
    if (pending && scrollToPhase(pending)) setPending(null)
  })

  const jump = (phaseId: string) => {
    if (focusedPhase && focusedPhase !== phaseId) onFocus(phaseId)
    if (collapsed.has(phaseId)) onToggle(phaseId)
    setPending(phaseId)
  }

  return (
    <nav class="phase-strip" aria-label={t('nav.phases')}>
      <ol class="phase-strip__list">
        {phases.map((group) => (
          <PhaseStripItem
            key={group.phase.id}
            group={group}
            current={current === group.phase.id}
            onJump={jump}
          />
        ))}
      </ol>
      {myMemberId && (
        <MyCardsJump
          myMemberId={myMemberId}
          phases={phases}
          reveal={(phaseId) => {
            if (focusedPhase && focusedPhase !== phaseId) onFocus(null)
            if (collapsed.has(phaseId)) onToggle(phaseId)
          }}
        />
      )}
    </nav>
  )
}

function PhaseStripItem({
  group,
  current,
  onJump,
}: {
  group: BoardPhase
  current: boolean
  onJump: (phaseId: string) => void
}) {
  const { t, text, number } = useI18n()
  const { cards, total } = usePhaseCounts(group)
  const name = text(group.phase.name)
  const label =
    cards === total
      ? t('nav.phase', { name, n: cards })
      : t('nav.phase.filtered', { name, n: cards, total })
  return (
    <li>
      <button
        type="button"
        class="phase-strip__item"
        style={{ '--phase-color': PHASE_COLORS[group.index % PHASE_COLORS.length] }}
        aria-current={current ? 'location' : undefined}
        title={label}
        data-phase-id={group.phase.id}
        onClick={() => onJump(group.phase.id)}
      >
        <span class="phase-strip__index" aria-hidden="true">
          {number(group.index + 1)}
        </span>
        <span class="phase-strip__name">{name}</span>
        <span class="phase-strip__count">{number(cards)}</span>
      </button>
    </li>
  )
}
