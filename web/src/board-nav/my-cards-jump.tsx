import { useEffect, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { useBoard } from '../board/board-context'
import type { BoardPhase } from '../board/board-model'
import type { BoardStore } from '../board/board-store'
import { useI18n } from '../i18n'
import { scrollToCard } from './scroll-to'

interface Props {
  myMemberId: string
  phases: BoardPhase[]
  /** Makes a phase drawn (unfolded, not hidden by another phase's focus) before the jump. */
  reveal: (phaseId: string) => void
}

interface Mine {
  phaseId: string
  stageId: string
  clientId: string
}

const acts = (client: Client, memberId: string) =>
  client.acting.owner === memberId ||
  client.acting.communicator === memberId ||
  client.acting.support === memberId

/** The first card per stage where I act now, in journey order. */
function myStages(store: BoardStore, phases: BoardPhase[], memberId: string): Mine[] {
  const found: Mine[] = []
  for (const group of phases) {
    for (const stage of group.stages) {
      const card = store.column(stage.id).find((c) => acts(c, memberId))
      if (card) found.push({ phaseId: group.phase.id, stageId: stage.id, clientId: card.id })
    }
  }
  return found
}

/**
 * "My cards →": each press goes to the next stage (in journey order, round the end) holding a
 * card where I am owner, communicator or support, and puts the focus on that card.
 */
export function MyCardsJump({ myMemberId, phases, reveal }: Props) {
  const { t, number } = useI18n()
  const board = useBoard()
  const [stages, setStages] = useState(() => myStages(board.store, phases, myMemberId))
  const at = useRef(-1)
  const [target, setTarget] = useState<Mine | null>(null)

  useEffect(() => {
    const update = () => setStages(myStages(board.store, phases, myMemberId))
    update()
    return board.store.watch(update)
  }, [board.store, phases, myMemberId])

  // The column exists only once its phase is drawn: scroll after the render that draws it.
  useEffect(() => {
    if (target && scrollToCard(board, target.stageId, target.clientId)) setTarget(null)
  })

  const next = () => {
    if (stages.length === 0) return
    at.current = (at.current + 1) % stages.length
    const mine = stages[at.current]
    if (!mine) return
    reveal(mine.phaseId)
    setTarget(mine)
  }
  const label = stages.length === 0 ? t('nav.mine.none') : t('nav.mine.title', { n: stages.length })
  return (
    <button
      type="button"
      class="chip phase-strip__mine"
      disabled={stages.length === 0}
      title={label}
      onClick={next}
    >
      {t('nav.mine', { n: number(stages.length) })}
    </button>
  )
}
