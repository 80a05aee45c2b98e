/**
 * SQLite straight on the file miniflare keeps D1 in, through Debian's `sqlite3` CLI (in the
 * machine image; better-sqlite3 has no prebuilt binary reachable here and compiling it adds
 * ~100 s to every `npm ci`, and Node 20 has no node:sqlite). Read-only: D1 runs in WAL mode,
 * so reading beside a running workerd is safe.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The D1 database file under a `--persist-to` directory. */
export function d1File(persistDir: string): string {
  const dir = join(persistDir, 'v3', 'd1', 'miniflare-D1DatabaseObject')
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  if (!file) throw new Error(`No D1 database file in ${dir}`)
  return join(dir, file)
}

/** Runs a script of dot-commands and SQL; returns what the CLI printed. */
export function sqliteScript(file: string, script: string, args: string[] = []): string {
  return execFileSync('sqlite3', ['-readonly', ...args, file], {
    input: script,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
}

/** Rows of one query as objects. */
export function sqliteRows<T>(file: string, sql: string): T[] {
  const out = sqliteScript(file, `${sql};\n`, ['-json']).trim()
  return out ? (JSON.parse(out) as T[]) : []
}
