import type { Client } from '../../../schema/clients'
import { patchClient } from '../api/clients'
import { locate } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { toast } from '../components/toasts'
import type { I18n } from '../i18n'
import { writeCard, type Written } from './write-card'

/** Archives a card from the board; the toast offers to bring it straight back. */
export async function archiveCard(store: BoardStore, clientId: string, i18n: I18n) {
  const at = locate(store.snapshot, clientId)
  if (!at) return
  const { client } = at
  const { t } = i18n
  const result = await writeCard(
    store,
    () => patchClient(client.id, { archived: true, version: client.version }),
    i18n,
  )
  if (!result.ok) {
    toast(t('quick.archive.failed', { name: client.name, reason: result.reason }), 'error')
    return
  }
  const archived = result.client
  toast(t('quick.archived', { name: client.name }), 'success', {
    label: t('quick.undo'),
    run: () => void restoreCard(store, archived, i18n, true),
  })
}

/** Puts an archived card back on the board, at its old place in its stage. */
export async function restoreCard(
  store: BoardStore,
  client: Client,
  i18n: I18n,
  announce = false,
): Promise<Written> {
  const result = await writeCard(
    store,
    () => patchClient(client.id, { archived: false, version: client.version }),
    i18n,
  )
  const { t } = i18n
  if (!result.ok)
    toast(t('quick.restore.failed', { name: client.name, reason: result.reason }), 'error')
  else if (announce) toast(t('quick.restored', { name: client.name }), 'success')
  return result
}
