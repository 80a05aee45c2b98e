/** A field's messages under its control, under the id the control points at. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <span id={id} class="kb-field__error">
      {messages.join(' ')}
    </span>
  )
}
