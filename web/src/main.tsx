import { render } from 'preact'
// Base and shared controls first: every feature's own stylesheet comes after and may refine them.
import './styles.css'
import { App } from './app'
import './tablet.css'
import './phone.css'
import './dark.css'

const root = document.getElementById('app')
if (root) render(<App />, root)
