import { FieldError, invalidProps } from './field-error'

/** The input attributes the admin forms use. */
interface InputProps {
  type?: string
  min?: number
  max?: number
  step?: string
  maxLength?: number
  placeholder?: string
  inputMode?: 'numeric' | 'decimal' | 'email'
  autoComplete?: string
}

/** A labelled input with the server's messages for it underneath. */
export function TextField(
  props: {
    id: string
    label: string
    value: string
    errors?: readonly string[]
    onValue: (value: string) => void
  } & InputProps,
) {
  const { id, label, value, errors, onValue, type = 'text', ...input } = props
  return (
    <div class="settings-field">
      <label class="settings-field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="input"
        value={value}
        // Preact types each input type apart; one field component serves them all.
        type={type as 'text'}
        {...input}
        {...invalidProps(`${id}-error`, errors)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  )
}

/** A labelled select with its messages. */
export function SelectField(props: {
  id: string
  label: string
  value: string
  options: readonly { value: string; label: string }[]
  errors?: readonly string[]
  disabled?: boolean
  onValue: (value: string) => void
}) {
  const { id, label, value, options, errors, disabled, onValue } = props
  return (
    <div class="settings-field">
      <label class="settings-field__label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="select"
        value={value}
        disabled={disabled}
        {...invalidProps(`${id}-error`, errors)}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  )
}
