import type { Client } from '../../../schema/clients'
import { moveClient } from '../api/clients'
import { locate } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { toast } from '../components/toasts'
import type { I18n, MessageKey } from '../i18n'
import type { SelectionStore } from './selection-store'
import { writeCard } from './write-card'

/** One card's part of a bulk action: its write, or null when there is nothing to do. */
export type BulkStep = (client: Client) => (() => Promise<Client>) | null

/**
 * Runs an action over the selected cards one after another, each through the same versioned
 * endpoint a single edit uses: every card is written whole or not at all, a card someone
 * changed meanwhile is refused by its version, and the toast names each card that failed and
 * why. One at a time, so moves into one column get distinct keys and keep the picked order.
 * Cards that went through leave the selection; the failed ones stay picked for another try.
 */
export async function runBulk(
  store: BoardStore,
  selection: SelectionStore,
  step: BulkStep,
  i18n: I18n,
  done: MessageKey,
): Promise<void> {
  const { t } = i18n
  const ids = [...selection.selected]
  const failures: string[] = []
  const finished: string[] = []
  for (const id of ids) {
    const client = locate(store.snapshot, id)?.client
    if (!client) {
      finished.push(id)
      continue
    }
    const send = step(client)
    const result = send ? await writeCard(store, send, i18n) : { ok: true as const }
    if (result.ok) finished.push(id)
    else failures.push(t('quick.bulk.failure', { name: client.name, reason: result.reason }))
  }
  selection.clear(finished)
  const summary = t(done, { n: ids.length - failures.length, total: ids.length })
  toast(
    failures.length === 0 ? summary : `${summary} ${failures.join('; ')}`,
    failures.length === 0 ? 'success' : 'error',
  )
}

/** Moves every picked card to the end of a stage (cards already there stay put). */
export const moveStep =
  (stageId: string): BulkStep =>
  (client) =>
    client.stageId === stageId
      ? null
      : () => moveClient(client.id, { stageId, version: client.version })
