import { Suspense } from 'preact/compat'
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import { logout, me, type User } from './api/auth'
import { ApiError, setUnauthenticatedHandler } from './api/client'
import { AppHeader } from './shell/app-header'
import { ConfirmDialog } from './components/confirm-dialog'
import { LanguageSwitch } from './shell/language-switch'
import { MainNav } from './shell/main-nav'
import { ErrorState, LoadingState } from './components/status-panel'
import { Toasts } from './components/toasts'
import { UserMenu } from './shell/user-menu'
import { createI18n, I18nContext, loadLocale, saveLocale, savedLocale, type Locale } from './i18n'
import { InboxBell } from './inbox/inbox-bell'
import { navigate, safeNext, usePlace } from './routing/nav'
import { SignIn } from './shell/sign-in'
import { pageFor } from './routes'
import { SIGN_IN_PATH } from './routing/paths'

type Session =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; user: User | null }

const signInUrl = () => {
  const here = location.pathname + location.search
  return here === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`
}

/** `session`: who is signed in, as asked when the script started (the first check uses it). */
export function App({ session: first }: { session?: Promise<User | null> }) {
  const [locale, setLocale] = useState<Locale>(savedLocale)
  const i18n = useMemo(() => createI18n(locale), [locale])
  const place = usePlace()
  const [session, setSession] = useState<Session>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = i18n.t('app.name')
  }, [locale, i18n])

  useEffect(() => {
    ;(attempt === 0 && first ? first : me())
      .then((user) => setSession({ status: 'ready', user }))
      .catch((error: unknown) => setSession({ status: 'error', error }))
  }, [attempt])

  // Any 401 means the session is over: sign in again, then come back here.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (location.pathname === SIGN_IN_PATH) return
      navigate(signInUrl(), true)
      setSession({ status: 'ready', user: null })
    })
    return () => setUnauthenticatedHandler(undefined)
  }, [])

  const onSignIn = place.path === SIGN_IN_PATH
  const user = session.status === 'ready' ? session.user : null
  useEffect(() => {
    if (session.status !== 'ready') return
    if (!user && !onSignIn) navigate(signInUrl(), true)
    if (user && onSignIn) navigate(safeNext(place.search.get('next')), true)
  }, [session, onSignIn])

  const changeLocale = useCallback((next: Locale) => {
    void loadLocale(next).then(() => {
      saveLocale(next)
      setLocale(next)
    })
  }, [])
  const signedIn = useCallback((next: User) => setSession({ status: 'ready', user: next }), [])
  const signOut = useCallback(async () => {
    try {
      await logout()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
    }
    setSession({ status: 'ready', user: null })
    navigate(SIGN_IN_PATH)
  }, [])

  const Page = pageFor(place.path)
  return (
    <I18nContext.Provider value={i18n}>
      <div class="app">
        <AppHeader nav={user && !onSignIn && <MainNav path={place.path} user={user} />}>
          <LanguageSwitch onChange={changeLocale} />
          {user && <InboxBell key={user.id} />}
          {user && <UserMenu user={user} onSignOut={() => void signOut()} />}
        </AppHeader>
        {session.status === 'loading' && <LoadingState />}
        {session.status === 'error' && (
          <ErrorState error={session.error} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {session.status === 'ready' && onSignIn && !user && <SignIn onSignedIn={signedIn} />}
        {session.status === 'ready' && !onSignIn && user && (
          <Suspense fallback={<LoadingState />}>
            <Page user={user} place={place} />
          </Suspense>
        )}
        <Toasts />
        <ConfirmDialog />
      </div>
    </I18nContext.Provider>
  )
}
