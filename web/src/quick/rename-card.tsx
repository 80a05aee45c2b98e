import { useEffect, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { patchClient } from '../api/clients'
import type { BoardStore } from '../board/board-store'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import type { SelectionStore } from './selection-store'
import { writeCard } from './write-card'

interface Props {
  client: Client
  store: BoardStore
  selection: SelectionStore
  top: number
}

/**
 * The card's name as a field, in the card's place. Enter or leaving the field saves (with the
 * version the board holds), Escape cancels. When someone changed the card first, the board
 * takes their copy and the field keeps the typed name, to save again over the new version.
 */
export function RenameCard({ client, store, selection, top }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const [name, setName] = useState(client.name)
  const [error, setError] = useState<string | null>(null)
  const busy = useRef(false)
  /** Saved or cancelled: a blur as the field goes away must not save again. */
  const finished = useRef(false)
  const input = useRef<HTMLInputElement>(null)
  const latest = useRef(client)
  latest.current = client

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  const done = () => {
    finished.current = true
    selection.rename(null)
    // Back to the card, so the keyboard stays where it was.
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`[data-client-id="${CSS.escape(client.id)}"]`)
        ?.closest<HTMLElement>('.card-slot')
        ?.focus(),
    )
  }
  const save = async () => {
    const next = name.trim()
    if (busy.current || finished.current) return
    if (next === latest.current.name) return done()
    if (!next) return setError(t('quick.rename.empty'))
    busy.current = true
    const result = await writeCard(
      store,
      () => patchClient(client.id, { name: next, version: latest.current.version }),
      i18n,
    )
    busy.current = false
    if (result.ok) return done()
    setError(result.reason)
    toast(t('quick.rename.failed', { reason: result.reason }), 'error')
  }

  return (
    <form
      class="rename-card"
      style={{ top: `${top}px` }}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <input
        ref={input}
        class="input rename-card__input"
        value={name}
        maxLength={200}
        aria-label={t('quick.rename.label')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `rename-error-${client.id}` : undefined}
        onInput={(event) => {
          setName(event.currentTarget.value)
          setError(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            done()
          }
        }}
        onBlur={() => void save()}
      />
      <p
        class="rename-card__hint"
        id={`rename-error-${client.id}`}
        role={error ? 'alert' : undefined}
      >
        {error ?? t('quick.rename.hint')}
      </p>
    </form>
  )
}
