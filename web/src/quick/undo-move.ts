import { useMemo } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { BoardModel } from '../board/board-model'
import { isNoop, type Target } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { createMover } from '../board/mover'
import { toast } from '../components/toasts'
import type { I18n } from '../i18n'
import { placeOf } from './place-of'

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
