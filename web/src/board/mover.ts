import type { Client } from '../../../schema/clients'
import { ApiError } from '../api/client'
import { currentOf, getClient } from '../api/clients'
import { ask } from '../components/confirm-dialog'
import { toast } from '../components/toasts'
import type { I18n } from '../i18n'
import type { BoardModel } from './board-model'
import { applyMove, isNoop, locate, restore, upsert, type Target } from './board-state'
import type { BoardStore } from './board-store'
import { sendMove } from './move-retry'

/**
 * Moves cards optimistically: the card lands at once, the server confirms (and the card takes
 * its new key and version) or refuses, and then the card goes back where it was, a message
 * says why, and the card is refreshed from the server's copy. A full column asks first.
 * `onLanded` hears of every move the server confirmed, with the stage the card came from.
 */
export function createMover(
  store: BoardStore,
  model: BoardModel,
  i18n: () => I18n,
  onLanded?: (moved: Client, fromStageId: string) => void,
) {
  // One request at a time per card: a second move sends the version the first one produced.
  const queues = new Map<string, Promise<void>>()

  async function send(clientId: string, target: Target, force: boolean): Promise<void> {
    const snapshot = locate(store.snapshot, clientId)
    if (!snapshot || isNoop(store.snapshot, clientId, target)) return
    store.update((columns) => applyMove(columns, clientId, target, new Date().toISOString()))
    const { t, text } = i18n()
    try {
      const moved = await sendMove(clientId, {
        stageId: target.stageId,
        ...(target.beforeId ? { beforeId: target.beforeId } : {}),
        ...(target.afterId ? { afterId: target.afterId } : {}),
        version: snapshot.client.version,
        ...(force ? { force: true } : {}),
      })
      store.update((columns) => upsert(columns, moved))
      onLanded?.(moved, snapshot.stageId)
    } catch (error) {
      store.update((columns) => restore(columns, snapshot))
      const code = error instanceof ApiError ? error.code : 'unknown'
      const stage = model.stages.get(target.stageId)
      const stageName = stage ? text(stage.name) : target.stageId
      if (code === 'wip_limit' && !force) {
        const ok = await ask({
          title: t('move.wip.title'),
          message: t('move.wip.message', { stage: stageName, limit: stage?.wipLimit ?? 0 }),
          confirm: t('move.wip.confirm'),
          cancel: t('move.wip.cancel'),
        })
        if (ok) await send(clientId, target, true)
        return
      }
      await refresh(clientId, error)
      if (error instanceof ApiError && error.status === 401) return // off to sign in
      toast(messageFor(error, snapshot.client.name, i18n()), 'error')
    }
  }

  /** Takes the server's copy of the card: from the error when it carries one, else a GET. */
  async function refresh(clientId: string, error: unknown): Promise<void> {
    const current = currentOf(error)
    if (current) {
      store.update((columns) => upsert(columns, current))
      return
    }
    if (error instanceof ApiError && (error.status === 0 || error.status === 401)) return
    try {
      const fresh = await getClient(clientId)
      store.update((columns) => upsert(columns, fresh))
    } catch {
      // The card stays as it was before the move; the message below says what went wrong.
    }
  }

  return function move(clientId: string, target: Target): void {
    const previous = queues.get(clientId) ?? Promise.resolve()
    // A second move of a card waits for the first answer, so it sends the version that made.
    const run = previous.then(() => send(clientId, target, false))
    queues.set(clientId, run)
    void run.finally(() => {
      if (queues.get(clientId) === run) queues.delete(clientId)
    })
  }
}

function messageFor(error: unknown, name: string, { t }: I18n): string {
  if (!(error instanceof ApiError)) return t('move.failed', { name, reason: String(error) })
  switch (error.code) {
    case 'version_conflict':
      return t('move.conflict', { name })
    case 'forbidden':
      return t('move.forbidden', { name })
    case 'archived':
      return t('move.archived', { name })
    case 'not_found':
      return t('move.notFound', { name })
    case 'network':
      return t('move.network', { name })
    default:
      return t('move.failed', { name, reason: error.message })
  }
}
