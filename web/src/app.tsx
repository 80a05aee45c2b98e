import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import { logout, me, type User } from './api/auth'
import { ApiError, setUnauthenticatedHandler } from './api/client'
import { AppHeader } from './components/app-header'
import { ConfirmDialog } from './components/confirm-dialog'
import { LanguageSwitch } from './components/language-switch'
import { MainNav } from './components/main-nav'
import { ErrorState, LoadingState } from './components/status-panel'
import { Toasts } from './components/toasts'
import { UserMenu } from './components/user-menu'
import { createI18n, I18nContext, saveLocale, savedLocale, type Locale } from './i18n'
import { InboxBell } from './inbox/inbox-bell'
import { isKbPath, KnowledgeRoute } from './knowledge/kb-route'
import { navigate, safeNext, usePlace } from './nav'
import { isOnboardingPath, OnboardingRoute } from './onboarding/onboarding-route'
import { BoardPage } from './pages/board-page'
import { SignIn } from './pages/sign-in'
import { REPORTS_PATH, ReportsRoute } from './reports/reports-route'
import { SETTINGS_PATH, SettingsRoute } from './settings/settings-route'
import { TEAM_PATH, TeamRoute } from './team/team-route'
import { MY_TASKS_PATH, MyTasksRoute } from './my-tasks/my-tasks-route'
import { DATA_PATH, DataRoute } from './data/data-route'

type Session =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; user: User | null }

const SIGN_IN = '/login'

const signInUrl = () => {
  const here = location.pathname + location.search
  return here === '/' ? SIGN_IN : `${SIGN_IN}?next=${encodeURIComponent(here)}`
}

export function App() {
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
    me()
      .then((user) => setSession({ status: 'ready', user }))
      .catch((error: unknown) => setSession({ status: 'error', error }))
  }, [attempt])

  // Any 401 means the session is over: sign in again, then come back here.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (location.pathname === SIGN_IN) return
      navigate(signInUrl(), true)
      setSession({ status: 'ready', user: null })
    })
    return () => setUnauthenticatedHandler(undefined)
  }, [])

  const onSignIn = place.path === SIGN_IN
  const user = session.status === 'ready' ? session.user : null
  useEffect(() => {
    if (session.status !== 'ready') return
    if (!user && !onSignIn) navigate(signInUrl(), true)
    if (user && onSignIn) navigate(safeNext(place.search.get('next')), true)
  }, [session, onSignIn])

  const changeLocale = useCallback((next: Locale) => {
    saveLocale(next)
    setLocale(next)
  }, [])
  const signedIn = useCallback((next: User) => setSession({ status: 'ready', user: next }), [])
  const signOut = useCallback(async () => {
    try {
      await logout()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
    }
    setSession({ status: 'ready', user: null })
    navigate(SIGN_IN)
  }, [])

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
        {session.status === 'ready' &&
          !onSignIn &&
          user &&
          (place.path === SETTINGS_PATH ? (
            <SettingsRoute user={user} place={place} />
          ) : place.path === REPORTS_PATH ? (
            <ReportsRoute user={user} place={place} />
          ) : place.path === TEAM_PATH ? (
            <TeamRoute user={user} />
          ) : isKbPath(place.path) ? (
            <KnowledgeRoute user={user} place={place} />
          ) : place.path === MY_TASKS_PATH ? (
            <MyTasksRoute user={user} />
          ) : isOnboardingPath(place.path) ? (
            <OnboardingRoute user={user} path={place.path} />
          ) : place.path === DATA_PATH ? (
            <DataRoute user={user} />
          ) : (
            <BoardPage user={user} place={place} />
          ))}
        <Toasts />
        <ConfirmDialog />
      </div>
    </I18nContext.Provider>
  )
}
