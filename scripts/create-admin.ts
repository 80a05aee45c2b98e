/**
 * Creates an admin account, the first one of a fresh deployment included:
 *   npm run create-admin -- --email you@company.ru --name "Имя Фамилия" --remote
 * The password comes from ADMIN_PASSWORD or is asked for (not echoed). Without --remote it
 * writes to the local D1.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { hashPassword } from '../worker/auth/password'
import { commonPasswordSet, passwordProblem } from '../worker/domain/password-policy'

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, remote: { type: 'boolean' } },
})
if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email)) {
  console.error('Usage: npm run create-admin -- --email you@company.ru [--name "…"] [--remote]')
  process.exit(2)
}

/** Reads a line without echoing it, for the password. */
function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput
  ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
    if (s.startsWith(question)) write.call(rl, s)
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    }),
  )
}

const password = process.env.ADMIN_PASSWORD ?? (await askHidden('Password (10+ characters): '))
const common = commonPasswordSet(
  readFileSync(new URL('../worker/data/common-passwords.txt', import.meta.url), 'utf8'),
)
const problem = passwordProblem(password, values.email, common)
if (problem) {
  console.error(`${problem}.`)
  process.exit(2)
}
const lit = (v: string) => `'${v.replaceAll("'", "''")}'`
const now = Date.now()
const sql =
  'INSERT INTO users (id, email, name, access_role, password_hash, created_at, updated_at) VALUES (' +
  [randomUUID(), values.email, values.name ?? values.email, 'admin', await hashPassword(password)]
    .map(lit)
    .join(', ') +
  `, ${now}, ${now})`
execFileSync(
  'npx',
  ['wrangler', 'd1', 'execute', 'DB', values.remote ? '--remote' : '--local', '--command', sql],
  { stdio: 'inherit' },
)
console.log(
  `Admin ${values.email} created ${values.remote ? 'in the deployed database' : 'locally'}.`,
)
