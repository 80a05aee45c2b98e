import { otherErrors, type FieldErrors } from './form-errors'

/** Messages a form cannot put beside a field (a stale version, a refusal), on top of it. */
export function FormNotice({ errors, shown }: { errors: FieldErrors; shown: readonly string[] }) {
  const general = otherErrors(errors, shown)
  if (general.length === 0) return null
  return (
    <p class="settings-notice settings-notice--error" role="alert">
      {general.join(' ')}
    </p>
  )
}
