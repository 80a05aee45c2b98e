import { useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { CARE_CYCLE } from '../../../shared/care'
import { ApiError } from '../api/client'
import { currentOf } from '../api/clients'
import { nextCycle } from '../api/kam-flags'
import { upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'

/** At Renewal signed: one button that takes the client back into account care. */
export function CycleSection({ client, store }: { client: Client; store: BoardStore }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  if (client.stageId !== CARE_CYCLE.from || client.archived) return null
  return (
    <section class="drawer__section" aria-label={t('cycle.start')} data-section="cycle">
      <p class="drawer__hint">{t('cycle.hint')}</p>
      <button
        type="button"
        class="button button--primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          try {
            const moved = await nextCycle(client.id, client.version)
            store.update((columns) => upsert(columns, moved))
          } catch (error) {
            const current = currentOf(error)
            if (current) store.update((columns) => upsert(columns, current))
            if (!(error instanceof ApiError && error.status === 401))
              toast(t('drawer.conflict'), 'error')
          }
          setBusy(false)
        }}
      >
        {t('cycle.start')}
      </button>
    </section>
  )
}
