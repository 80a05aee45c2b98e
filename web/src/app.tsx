import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import { listClients } from './api/clients'
import { getJourney } from './api/journey'
import { listMembers } from './api/members'
import { Board } from './board/board'
import { buildBoard, type BoardModel } from './board/board-model'
import { AppHeader } from './components/app-header'
import { LanguageSwitch } from './components/language-switch'
import { ErrorState, LoadingState } from './components/status-panel'
import { createI18n, I18nContext, saveLocale, savedLocale, type Locale } from './i18n'

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; model: BoardModel; now: Date }

export function App() {
  const [locale, setLocale] = useState<Locale>(savedLocale)
  const i18n = useMemo(() => createI18n(locale), [locale])
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = i18n.t('app.name')
  }, [locale, i18n])

  useEffect(() => {
    const abort = new AbortController()
    setLoad({ status: 'loading' })
    Promise.all([getJourney(abort.signal), listClients(abort.signal), listMembers(abort.signal)])
      .then(([journey, clients, members]) => {
        setLoad({ status: 'ready', model: buildBoard(journey, clients, members), now: new Date() })
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [attempt])

  const changeLocale = useCallback((next: Locale) => {
    saveLocale(next)
    setLocale(next)
  }, [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  const summary =
    load.status === 'ready'
      ? i18n.t('app.summary', {
          clients: i18n.plural('count.clients', load.model.clientCount),
          stages: i18n.plural('count.stages', load.model.stageCount),
        })
      : undefined

  return (
    <I18nContext.Provider value={i18n}>
      <div class="app">
        <AppHeader summary={summary}>
          <LanguageSwitch onChange={changeLocale} />
        </AppHeader>
        {load.status === 'loading' && <LoadingState />}
        {load.status === 'error' && <ErrorState error={load.error} onRetry={retry} />}
        {load.status === 'ready' && <Board model={load.model} now={load.now} />}
      </div>
    </I18nContext.Provider>
  )
}
