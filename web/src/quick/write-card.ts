import type { Client } from '../../../schema/clients'
import { ApiError } from '../api/client'
import { currentOf } from '../api/clients'
import { upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import type { I18n } from '../i18n'

export type Written = { ok: true; client: Client } | { ok: false; reason: string; code: string }

/**
 * One versioned write of a card (rename, archive, restore, a person): the answer goes onto the
 * board; on a 409 the server's copy does, and the reason says someone changed it first.
 */
export async function writeCard(
  store: BoardStore,
  send: () => Promise<Client>,
  { t }: I18n,
): Promise<Written> {
  try {
    const client = await send()
    store.update((columns) => upsert(columns, client))
    return { ok: true, client }
  } catch (error) {
    const current = currentOf(error)
    if (current) store.update((columns) => upsert(columns, current))
    const code = error instanceof ApiError ? error.code : 'unknown'
    return { ok: false, code, reason: reasonOf(error, code, t) }
  }
}

function reasonOf(error: unknown, code: string, t: I18n['t']): string {
  switch (code) {
    case 'version_conflict':
      return t('quick.conflict')
    case 'forbidden':
      return t('drawer.forbidden')
    case 'wip_limit':
      return t('quick.full')
    case 'archived':
      return t('quick.archivedAlready')
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
