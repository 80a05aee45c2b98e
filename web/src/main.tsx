import { render } from 'preact'
// Base and shared controls first: every feature's own stylesheet comes after and may refine them.
import './styles.css'
import { App } from './app'
import { me } from './api/auth'
import { BoardPage } from './board-page/board-page'
import { startBoardLoad } from './board-page/board-load'
import { pageFor } from './routes'
import { SIGN_IN_PATH } from './routing/paths'
import { loadLocale, saveLocale, savedLocale } from './i18n'
import './tablet.css'
import './phone.css'
import './dark.css'

const root = document.getElementById('app')
// Who is signed in is asked before the first render, and the board's data right after it.
const session = me()
// Its failure is the app's to show (it retries); not an unhandled rejection meanwhile.
session.catch(() => undefined)
const path = location.pathname
if (path !== SIGN_IN_PATH && pageFor(path) === BoardPage) {
  startBoardLoad(new URLSearchParams(location.search), session)
}
// A saved English choice fetches its messages first; if that fails, the board opens in Russian.
if (root) {
  void loadLocale(savedLocale())
    .catch(() => saveLocale('ru'))
    .finally(() => render(<App session={session} />, root))
}
