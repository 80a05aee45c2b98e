import './field-error.css'
/** Messages under a form control; give the control `aria-describedby={id}` while they show. */
export function FieldError({ id, messages }: { id: string; messages?: readonly string[] }) {
  if (!messages || messages.length === 0) return null
  return (
    <p id={id} class="field__error">
      {messages.join(' ')}
    </p>
  )
}

/** The attributes that tie a control to its {@link FieldError}. */
export function invalidProps(id: string, messages?: readonly string[]) {
  const invalid = !!messages && messages.length > 0
  return invalid ? { 'aria-invalid': true, 'aria-describedby': id } : {}
}
