import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { appendFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

import { freePort } from '../../scripts/free-port.mjs'

const root = join(import.meta.dirname, '..', '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const env = { ...process.env, CI: '1', NO_COLOR: '1' }

function run(title: string, command: string, args: string[]) {
  const started = Date.now()
  execFileSync(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  console.log(`e2e setup: ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`wrangler dev did not answer /api/health within 60 s:\n${log()}`)
}

/**
 * Builds the web app, gives the suite a fresh local D1 (migrated and seeded with the demo
 * organisation and accounts), serves it with `wrangler dev`, and stops it afterwards.
 */
export default async function setup(project: TestProject) {
  // Ports the OS says are free, so two runs on one machine (or `npm start`) never clash; the
  // inspector gets its own too, because wrangler's default (9229) may be taken.
  const port: number = await freePort()
  const inspectorPort: number = await freePort()
  const url = `http://localhost:${port}`
  // Its own D1 state too, removed afterwards: a run never sees another run's data.
  const state = join('.wrangler', `e2e-${port}`)
  rmSync(join(root, state), { recursive: true, force: true })
  run('built the web app', bin('vite'), [
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ])
  run('applied migrations', bin('wrangler'), [
    'd1',
    'migrations',
    'apply',
    'DB',
    '--local',
    '--persist-to',
    state,
  ])
  run('seeded the demo data', bin('tsx'), ['scripts/seed.ts', '--persist-to', state])

  let output = ''
  // --test-scheduled: tests run the cron jobs with GET /__scheduled?cron=… (inbox, digest).
  const server = spawn(
    bin('wrangler'),
    [
      'dev',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      state,
      '--ip',
      '127.0.0.1',
      '--test-scheduled',
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  // E2E_SERVER_LOG=<file> keeps the whole server log (each request with its time) for a look
  // at a slow or failed run; otherwise only its tail is kept, for a server that will not start.
  const logFile = process.env.E2E_SERVER_LOG
  if (logFile) writeFileSync(logFile, '')
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000)
    if (logFile) appendFileSync(logFile, chunk)
  }
  server.stdout?.on('data', keep)
  server.stderr?.on('data', keep)
  const started = Date.now()
  await waitForHealth(url, server, () => output)
  console.log(
    `e2e setup: wrangler dev is up on ${url} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  )
  project.provide('baseUrl', url)
  project.provide('d1State', state)

  return async () => {
    if (server.pid === undefined || server.exitCode !== null) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    // wrangler starts workerd as a child: end the whole process group it leads.
    process.kill(-server.pid, 'SIGTERM')
    const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
    rmSync(join(root, state), { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** The served app's local D1 state, for tests that move time on (wrangler d1 execute). */
    d1State: string
  }
}
