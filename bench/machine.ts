import { execFileSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'
import { bin, root } from './paths'

const quiet = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return 'unknown'
  }
}

/** Where and on what the figures were taken. Read-only git: the commit and whether the tree differs. */
export function machine() {
  const dirty = quiet('git', ['status', '--porcelain']).split('\n').filter(Boolean).length
  return {
    date: new Date().toISOString(),
    commit: quiet('git', ['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: dirty,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    wrangler: quiet(bin('wrangler'), ['--version']).split('\n').pop() ?? 'unknown',
    chromium: quiet(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    sqliteCli: quiet('sqlite3', ['--version']).split(' ')[0] ?? 'unknown',
  }
}

export type Machine = ReturnType<typeof machine>
