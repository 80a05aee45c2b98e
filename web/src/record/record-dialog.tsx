import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

interface Props {
  title: string
  /** Runs on submit; the dialog closes when it resolves true. */
  onSubmit: () => Promise<boolean>
  onClose: () => void
  children: ComponentChildren
  actions: ComponentChildren
}

/** A modal form of the record (log time, archive): Escape or Cancel closes it. */
export function RecordDialog({ title, onSubmit, onClose, children, actions }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    el?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [])
  return (
    <dialog
      ref={dialog}
      class="confirm record-dialog"
      aria-labelledby="record-dialog-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <form
        class="form"
        onSubmit={async (event) => {
          event.preventDefault()
          if (await onSubmit()) onClose()
        }}
      >
        <h2 id="record-dialog-title" class="confirm__title">
          {title}
        </h2>
        {children}
        <div class="confirm__actions">{actions}</div>
      </form>
    </dialog>
  )
}
