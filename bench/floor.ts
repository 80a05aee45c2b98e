/**
 * The floor: the Worker's own statements (as recorded, values included) run by SQLite itself on
 * the file D1 keeps, with no Worker, no D1 layer and no HTTP in between.
 */
import { spawnSync } from 'node:child_process'
import { lit } from './org-sql'
import { median } from './stats'
import { sqliteScript } from './sqlite-cli'

interface Statement {
  sql: string
  params: unknown[]
}

/**
 * The statement with its `?N` parameters written in as literals (the CLI binds nothing). Outside
 * quotes only. SQLite re-plans with bound values anyway, so partial indexes apply the same way.
 */
export function inlineParams({ sql, params }: Statement): string {
  let out = ''
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i] ?? ''
    if (ch === "'") {
      const end = sql.indexOf("'", i + 1)
      out += sql.slice(i, end + 1)
      i = end
    } else if (ch === '?') {
      const digits = /^\d+/.exec(sql.slice(i + 1))?.[0] ?? ''
      const value = params[Number(digits) - 1]
      if (!digits || value === undefined) throw new Error(`No value for ?${digits} in ${sql}`)
      out += lit(value as string | number | boolean | null)
      i += digits.length
    } else {
      out += ch
    }
  }
  return out.trim().replace(/;?$/, ';')
}

export interface FloorTime {
  /** SQLite's CPU time (user + sys) per run: steady even on shared cores. */
  cpuMs: number
  /** Wall time per run, to the millisecond (the CLI's resolution). */
  realMs: number
  runs: number
}

const TIMER = /^Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)/

/** Median time of one read statement over `runs` runs (after one warm-up), rows discarded. */
export function timeStatement(file: string, stmt: Statement, runs: number): FloorTime {
  const sql = inlineParams(stmt)
  const out = sqliteScript(file, `.output /dev/null\n${sql}\n.timer on\n${`${sql}\n`.repeat(runs)}`)
  const times = out
    .split('\n')
    .map((line) => TIMER.exec(line))
    .flatMap((m) => (m ? [{ real: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) }] : []))
  return {
    cpuMs: median(times.map((t) => t.cpu * 1000)),
    realMs: median(times.map((t) => t.real * 1000)),
    runs: times.length,
  }
}

/** SQLite's plan for a statement, one line per step. */
export function queryPlan(file: string, stmt: Statement): string[] {
  return sqliteScript(file, `EXPLAIN QUERY PLAN ${inlineParams(stmt)}\n`)
    .split('\n')
    .filter((line) => line.trim() && line !== 'QUERY PLAN')
    .map((line) => line.replace(/^[|`\s-]+/, ''))
}

/**
 * Every statement of a job replayed in order in one transaction on a writable copy: SQLite's
 * CPU time summed over them, and the CLI's wall time less that of an empty run.
 */
export function replay(copyFile: string, statements: Statement[]): FloorTime {
  const script = ['.timer on', '.output /dev/null', 'BEGIN;']
  for (const s of statements) script.push(inlineParams(s))
  script.push('COMMIT;')
  const wall = (input: string) => {
    const started = performance.now()
    const r = spawnSync('sqlite3', [copyFile], { input, encoding: 'utf8', maxBuffer: 1 << 28 })
    if (r.status !== 0) throw new Error(`sqlite3 replay failed: ${r.stderr.slice(0, 500)}`)
    return { ms: performance.now() - started, out: r.stdout }
  }
  const empty = wall('BEGIN;\nCOMMIT;\n').ms
  const { ms, out } = wall(script.join('\n') + '\n')
  let cpu = 0
  let runs = 0
  for (const line of out.split('\n')) {
    const m = TIMER.exec(line)
    if (m) {
      cpu += (Number(m[2]) + Number(m[3])) * 1000
      runs += 1
    }
  }
  return { cpuMs: cpu, realMs: Math.max(0, ms - empty), runs }
}
