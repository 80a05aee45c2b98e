import { render } from 'preact'
// Base and shared controls first: every feature's own stylesheet comes after and may refine them.
import './styles.css'
import { App } from './app'
import { loadLocale, saveLocale, savedLocale } from './i18n'
import './tablet.css'
import './phone.css'
import './dark.css'

const root = document.getElementById('app')
// A saved English choice fetches its messages first; if that fails, the board opens in Russian.
if (root) {
  void loadLocale(savedLocale())
    .catch(() => saveLocale('ru'))
    .finally(() => render(<App />, root))
}
