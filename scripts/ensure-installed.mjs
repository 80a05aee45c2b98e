// `npm test` and `npm start` may be the first command on a fresh clone: install from the
// lockfile when the tools are missing, and say how to get the browser the e2e tests drive.
// Plain JavaScript on purpose: it runs before TypeScript tools are installed.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const tools = ['prettier', 'tsc', 'vite', 'vitest', 'wrangler', 'tsx']
if (tools.some((tool) => !existsSync(`node_modules/.bin/${tool}`))) {
  console.log('\n▸ Installing dependencies from package-lock.json (npm ci)')
  execSync('npm ci', { stdio: 'inherit' })
}

if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  console.error(
    "\nThe browser tests drive Debian's Chromium at /usr/bin/chromium, which is missing.\n" +
      'Install it with:  sudo apt-get install -y chromium\n' +
      '(never a downloaded browser: see README, "Tests").',
  )
  process.exit(1)
}
