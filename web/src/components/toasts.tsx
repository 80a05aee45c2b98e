import { useEffect, useState } from 'preact/hooks'
import { useI18n } from '../i18n'
import { CloseIcon } from './icons'
import './toasts.css'

export type ToastKind = 'info' | 'error' | 'success'
/** A button in a toast (e.g. Undo); pressing it runs the action and closes the toast. */
export interface ToastAction {
  label: string
  run: () => void
}
interface Toast {
  id: number
  kind: ToastKind
  message: string
  action?: ToastAction
}

let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())
const LIFETIME_MS = 7000

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id)
  emit()
}

/** Shows a short message at the bottom of the screen, read out by screen readers. */
export function toast(message: string, kind: ToastKind = 'info', action?: ToastAction): number {
  const id = nextId++
  toasts = [...toasts.slice(-3), { id, kind, message, ...(action ? { action } : {}) }]
  emit()
  setTimeout(() => dismissToast(id), LIFETIME_MS)
  return id
}

export function Toasts() {
  const { t } = useI18n()
  const [list, setList] = useState(toasts)
  useEffect(() => {
    const update = () => setList(toasts)
    listeners.add(update)
    return () => listeners.delete(update)
  }, [])
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((item) => (
        <div key={item.id} class={`toast toast--${item.kind}`} data-kind={item.kind}>
          <p class="toast__message">{item.message}</p>
          {item.action && (
            <button
              type="button"
              class="button toast__action"
              onClick={() => {
                dismissToast(item.id)
                item.action?.run()
              }}
            >
              {item.action.label}
            </button>
          )}
          <button
            type="button"
            class="icon-button"
            aria-label={t('toast.close')}
            title={t('toast.close')}
            onClick={() => dismissToast(item.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  )
}
