// `npm start` on a fresh clone: install what is missing, build the web app, apply the D1
// migrations locally, seed the demo organisation, then serve board + API on :8787 (or $PORT).
// Plain JavaScript on purpose: it has to run before `npm install` has brought TypeScript tools.
import { execSync, spawn } from 'node:child_process'
import { freePort } from './free-port.mjs'

const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a TCP port number, not "${process.env.PORT}"`)
  process.exit(1)
}
// Checked first, so a taken port fails in a second, not after the build and the seed.
if ((await freePort(port)) !== port) {
  console.error(`Port ${port} is in use. Serve on another one: PORT=${port + 1} npm start`)
  process.exit(1)
}

const run = (title, command) => {
  console.log(`\n▸ ${title}`)
  execSync(command, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '1' } })
}

run('Checking dependencies', 'node scripts/ensure-installed.mjs')
run('Building the web app', 'npx vite build --config web/vite.config.ts')
run('Applying migrations to the local D1', 'npx wrangler d1 migrations apply DB --local')
run('Seeding the demo organisation', 'npx tsx scripts/seed.ts')

const url = `http://localhost:${port}`
console.log(`
▸ Serving ${url} — sign in with one of the demo accounts above
  (member@demo.local / demo-board-2026 moves cards; lead@ assigns; admin@ edits everything).
  Cron jobs run on demand: curl "${url}/__scheduled?cron=…"
`)
// wrangler's debugger listens on 9229 by default; another wrangler (a second checkout, the
// e2e tests) may hold it, and that must not stop the board from starting.
const inspectorPort = await freePort(9229)
// wrangler itself, not through npx: npx does not pass SIGTERM on, and wrangler would outlive us.
const dev = spawn(
  'node_modules/.bin/wrangler',
  ['dev', '--port', String(port), '--inspector-port', String(inspectorPort), '--test-scheduled'],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
