import './quick.css'
import { lazy, Suspense } from 'preact/compat'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import type { BoardModel } from '../board/board-model'
import { locate, upsert, type Target } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { useI18n } from '../i18n'
import { archiveCard } from './archive'
import { moveStep, runBulk } from './bulk'
import type { QuickActions } from './quick-context'
import { SelectionStore } from './selection-store'
import { StagePicker } from './stage-picker'

// The Team view's form (and its styles), loaded the first time someone adds a card.
const NewClientForm = lazy(async () => ({
  default: (await import('../team/new-client-form')).NewClientForm,
}))

interface Options {
  user: User
  model: BoardModel
  store: BoardStore
  move: (clientId: string, target: Target) => void
  /** Hears of a new card as of a card that landed (a lead then assigns its first people). */
  landed: (client: Client, fromStageId: string) => void
}

/** The quick edits for the board, and the dialogs they open (to render beside the board). */
export function useQuickLayer({ user, model, store, move, landed }: Options) {
  const i18n = useI18n()
  const i18nRef = useRef(i18n)
  i18nRef.current = i18n
  const [selection] = useState(() => new SelectionStore())
  const [picking, setPicking] = useState<readonly string[] | null>(null)
  const [adding, setAdding] = useState<Stage | null>(null)

  // Escape lets go of the picked cards (unless a dialog or the drawer takes it first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open], .drawer')) return
      selection.clear()
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [selection])

  const quick = useMemo<QuickActions>(
    () => ({
      selection,
      canEdit: can(user.role, 'clients.write'),
      canAssign: can(user.role, 'clients.assign'),
      move,
      pickStage: setPicking,
      archive: (clientId) => void archiveCard(store, clientId, i18nRef.current),
      addCard: setAdding,
    }),
    [selection, user, move, store],
  )

  const pick = (stageId: string) => {
    const ids = picking ?? []
    setPicking(null)
    const [only] = ids
    if (ids.length === 1 && only) {
      selection.clear(ids)
      move(only, { stageId })
    } else void runBulk(store, selection, moveStep(stageId), i18nRef.current, 'quick.bulk.moved')
  }
  const single = picking?.length === 1 && picking[0] ? locate(store.snapshot, picking[0]) : null

  const layer = (
    <>
      {picking && (
        <StagePicker
          model={model}
          title={
            single ? `«${single.client.name}»` : i18n.t('quick.bulk.count', { n: picking.length })
          }
          currentStageId={single ? single.stageId : null}
          onPick={pick}
          onClose={() => setPicking(null)}
        />
      )}
      {adding && (
        <Suspense fallback={null}>
          <NewClientForm
            assigns={quick.canAssign}
            stage={adding}
            onCancel={() => setAdding(null)}
            onCreated={(client) => {
              setAdding(null)
              store.update((columns) => upsert(columns, client))
              landed(client, '')
            }}
          />
        </Suspense>
      )}
    </>
  )
  return [quick, layer] as const
}
