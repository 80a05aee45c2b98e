import { lazy, Suspense } from 'preact/compat'
import type { AssignDialogProps } from './assign-dialog'

// Only leads assign, and not on every visit: the dialog loads the first time it opens.
const AssignDialog = lazy(() => import('./assign-dialog'))

/** The assignment dialog, fetched on first use. */
export function LazyAssignDialog(props: AssignDialogProps) {
  return (
    <Suspense fallback={null}>
      <AssignDialog {...props} />
    </Suspense>
  )
}
