import { lazy, Suspense } from 'preact/compat'
import { useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { upsert } from '../board/board-state'
import type { BoardStore } from '../board/board-store'
import { useI18n } from '../i18n'

// The form and its styles belong to the Team view: loaded only when someone opens it here.
const NewClientForm = lazy(async () => ({
  default: (await import('../team/new-client-form')).NewClientForm,
}))

/**
 * "New client" on the board, for members (leads and admins create and assign from the Team
 * view): the card lands in the first stage and opens, for its people to be chosen by the lead.
 */
export function NewClientEntry({
  store,
  onOpen,
}: {
  store: BoardStore
  onOpen: (clientId: string) => void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const created = (client: Client) => {
    setOpen(false)
    store.update((columns) => upsert(columns, client))
    onOpen(client.id)
  }
  return (
    <>
      <button type="button" class="button button--primary" onClick={() => setOpen(true)}>
        {t('team.newClient')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <NewClientForm assigns={false} onCancel={() => setOpen(false)} onCreated={created} />
        </Suspense>
      )}
    </>
  )
}
