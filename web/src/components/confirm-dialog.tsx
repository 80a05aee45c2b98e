import { useEffect, useRef, useState } from 'preact/hooks'
import './toasts.css'

export interface ConfirmRequest {
  title: string
  message: string
  confirm: string
  cancel: string
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void
}

let pending: Pending | null = null
const listeners = new Set<() => void>()

/** Asks a yes / no question in a modal dialog; resolves false on cancel or Escape. */
export function ask(request: ConfirmRequest): Promise<boolean> {
  pending?.resolve(false)
  return new Promise((resolve) => {
    pending = { ...request, resolve }
    listeners.forEach((listener) => listener())
  })
}

function answer(ok: boolean) {
  const current = pending
  pending = null
  listeners.forEach((listener) => listener())
  current?.resolve(ok)
}

export function ConfirmDialog() {
  const [request, setRequest] = useState<Pending | null>(pending)
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const update = () => setRequest(pending)
    listeners.add(update)
    return () => listeners.delete(update)
  }, [])
  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (request && !el.open) el.showModal()
    if (!request && el.open) el.close()
  }, [request])

  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault()
        answer(false)
      }}
    >
      {request && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault()
            answer(true)
          }}
        >
          <h2 id="confirm-title" class="confirm__title">
            {request.title}
          </h2>
          <p class="confirm__message">{request.message}</p>
          <div class="confirm__actions">
            <button type="button" class="button" onClick={() => answer(false)}>
              {request.cancel}
            </button>
            <button type="submit" class="button button--primary" autoFocus>
              {request.confirm}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
