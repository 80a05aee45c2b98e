import { useEffect, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { listArchived } from '../api/archived'
import type { BoardModel } from '../board/board-model'
import type { BoardStore } from '../board/board-store'
import { ExportButton } from '../export/export-button'
import { archivedCsv } from '../export/list-csv'
import { useI18n } from '../i18n'
import { restoreCard } from './archive'

interface Props {
  model: BoardModel
  store: BoardStore
  canRestore: boolean
}

/** "Archive" beside the filters: the archived cards, newest first, each with Restore. */
export function ArchivedButton(props: Props) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" class="chip" onClick={() => setOpen(true)}>
        {t('quick.archive.open')}
      </button>
      {open && <ArchivedDialog {...props} onClose={() => setOpen(false)} />}
    </>
  )
}

function ArchivedDialog({ model, store, canRestore, onClose }: Props & { onClose: () => void }) {
  const i18n = useI18n()
  const { t, text, date } = i18n
  const dialog = useRef<HTMLDialogElement>(null)
  const [cards, setCards] = useState<Client[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [q, setQ] = useState('')
  const [busy, setBusy] = useState<string | null>(null)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    const abort = new AbortController()
    listArchived(abort.signal)
      .then((list) => setCards(list.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))))
      .catch(() => !abort.signal.aborted && setFailed(true))
    return () => {
      abort.abort()
      el?.close()
    }
  }, [])

  const restore = async (client: Client) => {
    setBusy(client.id)
    const result = await restoreCard(store, client, i18n, true)
    setBusy(null)
    if (result.ok) setCards((list) => list?.filter((c) => c.id !== client.id) ?? null)
  }
  const needle = q.trim().toLowerCase()
  const shown = (cards ?? []).filter(
    (c) => !needle || `${c.name} ${c.company}`.toLowerCase().includes(needle),
  )

  return (
    <dialog
      ref={dialog}
      class="archived"
      aria-labelledby="archived-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id="archived-title" class="archived__title">
        {t('quick.archive.title')}
      </h2>
      <input
        class="input"
        type="search"
        value={q}
        aria-label={t('quick.archive.search')}
        placeholder={t('quick.archive.search')}
        onInput={(event) => setQ(event.currentTarget.value)}
      />
      {failed && <p role="alert">{t('quick.archive.loadFailed')}</p>}
      {!cards && !failed && <p>{t('app.loading')}</p>}
      {cards && shown.length === 0 && <p class="archived__empty">{t('quick.archive.empty')}</p>}
      <ul class="archived__list">
        {shown.map((client) => {
          const stage = model.stages.get(client.stageId)
          return (
            <li key={client.id} class="archived__item" data-client-id={client.id}>
              <div class="archived__text">
                <strong>{client.name}</strong>
                <span>
                  {client.company} · {stage ? text(stage.name) : client.stageId} ·{' '}
                  {date(client.updatedAt)}
                </span>
              </div>
              {canRestore && (
                <button
                  type="button"
                  class="button"
                  disabled={busy === client.id}
                  aria-label={t('quick.restore.label', { name: client.name })}
                  onClick={() => void restore(client)}
                >
                  {t('quick.restore')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      <div class="form__actions">
        {shown.length > 0 && (
          <ExportButton name="archive" csv={() => archivedCsv(shown, model.stages, i18n)} />
        )}
        <button type="button" class="button" onClick={onClose}>
          {t('toast.close')}
        </button>
      </div>
    </dialog>
  )
}
