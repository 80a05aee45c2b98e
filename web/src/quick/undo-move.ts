import { useMemo } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { BoardModel } from '../board/board-model'
import { isNoop, locate, type Columns, type Target } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { createMover } from '../board/mover'
import { toast } from '../components/toasts'
import type { I18n } from '../i18n'

/** Where a card sits now, as a move target that puts it back exactly there. */
export function placeOf(columns: Columns, clientId: string): Target | undefined {
  const at = locate(columns, clientId)
  if (!at) return undefined
  const cards = columns.get(at.stageId) ?? []
  const next = cards[at.index + 1]
  const previous = cards[at.index - 1]
  if (next) return { stageId: at.stageId, beforeId: next.id }
  return previous ? { stageId: at.stageId, afterId: previous.id } : { stageId: at.stageId }
}

/**
 * The board's mover with Undo: every move the user makes (drag, keyboard, the stage list)
 * remembers where the card was, and once the server confirms it a toast offers to move it back
 * through the same API, with the version the move produced. Moving back offers no Undo itself.
 */
export function useUndoableMove(
  store: BoardStore,
  model: BoardModel,
  i18n: () => I18n,
  landed: (moved: Client, fromStageId: string) => void,
): (clientId: string, target: Target) => void {
  return useMemo(() => {
    const origins = new Map<string, Target>()
    const offerUndo = (moved: Client, fromStageId: string) => {
      landed(moved, fromStageId)
      const origin = origins.get(moved.id)
      origins.delete(moved.id)
      if (!origin) return
      const { t, text } = i18n()
      const stage = model.stages.get(moved.stageId)
      toast(
        t('quick.moved', { name: moved.name, stage: stage ? text(stage.name) : moved.stageId }),
        'success',
        {
          label: t('quick.undo'),
          run: () => {
            origins.delete(moved.id)
            mover(moved.id, origin)
          },
        },
      )
    }
    const mover = createMover(store, model, i18n, offerUndo)
    return (clientId: string, target: Target) => {
      const origin = placeOf(store.snapshot, clientId)
      if (origin && !isNoop(store.snapshot, clientId, target)) origins.set(clientId, origin)
      mover(clientId, target)
    }
  }, [store, model, landed])
}
