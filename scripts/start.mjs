// `npm start` on a fresh clone: install what is missing, build the web app, apply the D1
// migrations locally, seed the demo organisation, then serve board + API on :8787.
// Plain JavaScript on purpose: it has to run before `npm install` has brought TypeScript tools.
import { execSync, spawn } from 'node:child_process'

const run = (title, command) => {
  console.log(`\n▸ ${title}`)
  execSync(command, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '1' } })
}

run('Checking dependencies', 'node scripts/ensure-installed.mjs')
run('Building the web app', 'npx vite build --config web/vite.config.ts')
run('Applying migrations to the local D1', 'npx wrangler d1 migrations apply DB --local')
run('Seeding the demo organisation', 'npx tsx scripts/seed.ts')

console.log(`
▸ Serving http://localhost:8787 — sign in with one of the demo accounts above
  (member@demo.local / demo-board-2026 moves cards; lead@ assigns; admin@ edits everything).
  Cron jobs run on demand: curl "http://localhost:8787/__scheduled?cron=…"
`)
const dev = spawn('npx', ['wrangler', 'dev', '--port', '8787', '--test-scheduled'], {
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal))
dev.on('exit', (code) => process.exit(code ?? 0))
