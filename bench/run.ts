/**
 * `npm run bench`: seeds large organisations into fresh local D1 states, serves the Worker as
 * `npm start` does, measures it against the targets of issue 8 and the floor, and writes
 * BENCHMARKS.md and bench/results/<date>.json. `-- --quick`: 500 cards, a few seconds of load,
 * no browser, nothing written. Exits non-zero only when the harness breaks or a correctness check
 * fails (a 5xx, a lost or doubled move), never on a speed target.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { measureBundle } from './bundle'
import { machine } from './machine'
import { bin, root, toolEnv } from './paths'
import { render, type Run } from './report'
import { reportsBench } from './reports-bench'
import { snapshotWorker } from './server'
import { runSize, type SizeResult } from './size-run'
import { verdicts } from './targets'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seconds: { type: 'string' },
    browser: { type: 'boolean' },
    'no-browser': { type: 'boolean', default: false },
    /** Only the reports at 20,000 cards with a year of history (reports-bench.ts). */
    reports: { type: 'boolean', default: false },
    /** Re-renders BENCHMARKS.md from a results file (after editing bench/analysis.md). */
    render: { type: 'string' },
  },
})
const quick = args.quick ?? false
const sizes = (args.sizes ?? (quick ? '500' : '5000,20000')).split(',').map(Number)
const seconds = Number(args.seconds ?? (quick ? 3 : 20))
const browserAt = (n: number) =>
  !args['no-browser'] && (args.browser ?? (!quick && n === 20000)) === true
const say = (line: string) => console.log(line)

/** Correctness, not speed: what makes the run fail. */
function problems(results: SizeResult[]): string[] {
  return results.flatMap((s) => {
    const out: string[] = []
    const { single, different, keyed, same, history, floor, floorSame } = s.moves
    // The floor's loads too: figures from a floor that failed would compare ours with nothing.
    const ours = [single, different, keyed, same].map((m) => ({ m, who: '' }))
    const floors = [floor, floorSame].map((m) => ({ m, who: ' (the floor Worker)' }))
    for (const { m, who } of [...ours, ...floors]) {
      for (const code of Object.keys(m.statuses)) {
        if (!['200', '409 version_conflict', '503 dev-proxy'].includes(code)) {
          out.push(`${s.clients} cards: a move answered ${code}${who}`)
        }
      }
      if (m.errors > 0) {
        out.push(`${s.clients} cards: ${m.errors} connection errors under load${who}`)
      }
    }
    for (const l of s.live) {
      if (l.missed > 0)
        out.push(`${l.missed} live updates never reached their socket (${l.sockets} open)`)
    }
    if (!history.ok) out.push(`${s.clients} cards: history check failed ${JSON.stringify(history)}`)
    if (s.page && !('skipped' in s.page) && s.page.drag.drops.some((st) => st !== 200)) {
      out.push(`${s.clients} cards: a drag in the browser did not end in a 200 move`)
    }
    return out
  })
}

/** The reports' own section (`-- --reports` writes it) survives a re-render of the rest. */
function writeBenchmarks(markdown: string) {
  const file = join(root, 'BENCHMARKS.md')
  const old = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const at = old.indexOf('<!-- reports-bench -->')
  writeFileSync(file, at < 0 ? markdown : `${markdown.trimEnd()}\n\n${old.slice(at)}`)
}

const readAnalysis = () => {
  const file = join(root, 'bench', 'analysis.md')
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

async function main() {
  if (args.render) {
    const run = JSON.parse(readFileSync(args.render, 'utf8')) as Run
    writeBenchmarks(render(run, readAnalysis()))
    say(`Wrote BENCHMARKS.md from ${args.render}`)
    return
  }
  const started = performance.now()
  const dist = join(root, 'dist', 'web')
  if ((!quick && !args.reports) || !existsSync(join(dist, 'index.html'))) {
    say('▸ Building the web app (vite build)')
    execFileSync(bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      env: toolEnv,
      stdio: 'inherit',
    })
  }
  say('▸ Freezing a copy of the Worker and the web app to serve')
  const { config, floorConfig, web } = snapshotWorker()
  if (args.reports) return await reportsBench(config, say)
  const results: SizeResult[] = []
  for (const clients of sizes) {
    say(`▸ ${clients.toLocaleString('en')} clients, 300 members`)
    results.push(
      await runSize(
        {
          config,
          floorConfig,
          clients,
          // Quick runs only prove the harness: fewer connections, so answers come back in time.
          connections: quick ? 20 : 50,
          loadSeconds: seconds,
          // A p95 of 20 loads is their second-slowest: one busy moment decided it.
          boardRuns: quick ? 5 : 60,
          floorRuns: quick ? 3 : 20,
          sequentialRuns: quick ? 30 : 200,
          settleMs: quick ? 1000 : 3000,
          browser: browserAt(clients),
          sweep: true,
          // The fan-out does not depend on the board's size: measured once, at the first size.
          liveSockets: clients !== sizes[0] ? [] : quick ? [20] : [50, 500],
          liveMoves: quick ? 5 : 30,
        },
        say,
      ),
    )
  }
  const run: Run = {
    mode: quick ? 'quick' : 'full',
    machine: machine(),
    bundle: measureBundle(web),
    sizes: results,
  }
  const markdown = render(run, quick ? '' : readAnalysis())
  say(`\n${markdown}`)
  const json = JSON.stringify({ ...run, verdicts: verdicts(results, run.bundle) }, null, 2)
  if (quick) {
    mkdirSync(join(root, '.wrangler'), { recursive: true })
    writeFileSync(join(root, '.wrangler', 'bench-quick.json'), json)
  } else {
    mkdirSync(join(root, 'bench', 'results'), { recursive: true })
    const file = join(root, 'bench', 'results', `${run.machine.date.slice(0, 10)}.json`)
    writeFileSync(file, json + '\n')
    writeBenchmarks(markdown)
    say(`Wrote BENCHMARKS.md and ${file}`)
  }
  const failed = problems(results)
  say(`\nBench finished in ${Math.round((performance.now() - started) / 1000)} s.`)
  if (failed.length > 0) {
    console.error(`Correctness checks failed:\n- ${failed.join('\n- ')}`)
    process.exit(1)
  }
}

await main()
