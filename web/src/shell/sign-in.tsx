import { useState } from 'preact/hooks'
import { login, type User } from '../api/auth'
import { ApiError } from '../api/client'
import { useI18n, type I18n } from '../i18n'
import './sign-in.css'

/** Email and password; the server sets the session cookie and answers with the user. */
export function SignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const i18n = useI18n()
  const { t } = i18n
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  return (
    <main class="signin">
      <form
        class="signin__card"
        aria-labelledby="signin-title"
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          setError('')
          try {
            onSignedIn(await login(email.trim(), password))
          } catch (cause) {
            setError(signInError(cause, i18n))
            setPassword('')
          }
          setBusy(false)
        }}
      >
        <span class="signin__logo" aria-hidden="true" />
        <h1 id="signin-title" class="signin__title">
          {t('signin.title')}
        </h1>
        <p class="signin__lead">{t('signin.lead')}</p>
        <Field
          label={t('signin.email')}
          name="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
          autoFocus
        />
        <Field
          label={t('signin.password')}
          name="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
        />
        {error && (
          <p class="signin__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary signin__submit" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </main>
  )
}

/** A required field of the form; its name is its input type (email, password). */
function Field(props: {
  label: string
  name: 'email' | 'password'
  autoComplete: string
  value: string
  onValue: (value: string) => void
  autoFocus?: boolean
}) {
  const { label, name, onValue, ...input } = props
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      <input
        class="input"
        // Preact types each input type apart; one field component serves both.
        type={name as 'email'}
        name={name}
        required
        {...input}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </label>
  )
}

function signInError(error: unknown, { t, plural }: I18n): string {
  if (!(error instanceof ApiError)) return t('signin.error.other', { reason: String(error) })
  if (error.code === 'network') return t('app.error.network')
  if (error.code === 'invalid_credentials') return t('signin.error.credentials')
  if (error.code === 'too_many_attempts' || error.code === 'locked') {
    const seconds = error.body.retryAfterSeconds
    const minutes = typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds / 60)) : null
    const base = t(error.code === 'locked' ? 'signin.error.locked' : 'signin.error.slow')
    return minutes === null
      ? base
      : `${base} ${t('signin.error.retry', { time: plural('count.minutes', minutes) })}`
  }
  return t('signin.error.other', { reason: error.message })
}
