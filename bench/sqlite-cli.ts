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

/**
 * Writes the page cache's dirty pages to disk (`sync`) before a timed phase. The bench writes
 * hundreds of MB of D1 state just before some phases (the seed, a year of history, copies of the
 * state); the kernel writes them back seconds later, in the middle of the phase, and the server's
 * own SQLite commits queue behind that writeback. The snapshot job's first run, the same state
 * copied each time: 4.2–6.4 s without, 4.0–4.2 s with.
 */
export function settleDisk() {
  execFileSync('sync')
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
