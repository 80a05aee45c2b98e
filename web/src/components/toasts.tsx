import { useEffect, useState } from 'preact/hooks'
import { useI18n } from '../i18n'
import { CloseIcon } from './icons'

export type ToastKind = 'info' | 'error' | 'success'
interface Toast {
  id: number
  kind: ToastKind
  message: string
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
export function toast(message: string, kind: ToastKind = 'info'): void {
  const id = nextId++
  toasts = [...toasts.slice(-3), { id, kind, message }]
  emit()
  setTimeout(() => dismissToast(id), LIFETIME_MS)
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
