import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { bin, root, toolEnv } from './paths'

/**
 * A frozen copy of the Worker (bundled as `wrangler deploy` does) and of dist/web, with a copy of
 * wrangler.toml pointing at them; the floor Worker (floor-worker/index.ts) likewise. `wrangler
 * dev` restarts the Worker whenever a watched source or asset changes — here, other engineers
 * edit worker/ and rebuild dist/web all the time — and a restart answers the requests in flight
 * with 503 ("Your worker restarted mid-request").
 */
export function snapshotWorker(): { config: string; floorConfig: string; web: string } {
  const dir = join(root, '.wrangler', 'bench-build')
  rmSync(dir, { recursive: true, force: true })
  const bundle = (outdir: string, config?: string) =>
    execFileSync(
      bin('wrangler'),
      [
        'deploy',
        '--dry-run',
        '--outdir',
        join(dir, outdir),
        ...(config ? ['--config', config] : []),
      ],
      { cwd: root, env: toolEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    )
  bundle('worker')
  cpSync(join(root, 'dist', 'web'), join(dir, 'web'), { recursive: true })
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8')
  const served = (main: string) => {
    const patched = toml
      .replace(/^main = "[^"]+"/m, `main = "${main}"`)
      .replace(/^directory = "dist\/web"/m, 'directory = "web"')
    if (!patched.includes(`main = "${main}"`) || !patched.includes('directory = "web"')) {
      throw new Error('wrangler.toml changed shape: cannot point its copy at the snapshot')
    }
    return patched
  }
  writeFileSync(join(dir, 'wrangler.toml'), served('worker/index.js'))
  // The floor (floor-worker/index.ts) behind the same bindings and assets as ours.
  writeFileSync(join(dir, 'floor-source.toml'), served('../../bench/floor-worker/index.ts'))
  bundle('floor', join(dir, 'floor-source.toml'))
  writeFileSync(join(dir, 'floor.toml'), served('floor/index.js'))
  return {
    config: join(dir, 'wrangler.toml'),
    floorConfig: join(dir, 'floor.toml'),
    web: join(dir, 'web'),
  }
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export interface Server {
  url: string
  process: ChildProcess
  log: () => string
  /** What serves: `workerd` (Miniflare, no dev proxy) or `wrangler` (`wrangler dev`, as `npm start`). */
  via: Via
  /** Runs the scheduled handler for a cron expression; answers its status (200: it ran). */
  scheduled: (cron: string) => Promise<{ status: number; text: string }>
}

export type Via = 'workerd' | 'wrangler'

/** `wrangler dev` as `npm start` runs it, on its own port, inspector port and dev registry. */
function wranglerDev(persistDir: string, config: string, port: number, inspectorPort: number) {
  return spawn(
    bin('wrangler'),
    [
      'dev',
      // The frozen copy (snapshotWorker), not the live worker/ and dist/web.
      '--config',
      config,
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistDir,
      '--test-scheduled',
      '--inspector-port',
      String(inspectorPort),
    ],
    {
      cwd: root,
      // A private dev registry and no config watching: other engineers' `wrangler dev` runs
      // coming and going would otherwise reload this one mid-load.
      env: {
        ...toolEnv,
        WRANGLER_REGISTRY_PATH: join(persistDir, 'registry'),
        WRANGLER_CI_DISABLE_CONFIG_WATCHING: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
}

/** The same Worker and state in workerd alone (workerd-serve.ts). */
function workerd(persistDir: string, config: string, port: number, triggerPort: number) {
  const args = [join(root, 'bench', 'workerd-serve.ts'), config, persistDir, port, triggerPort]
  return spawn(bin('tsx'), args.map(String), {
    cwd: root,
    env: toolEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
}

/**
 * Serves the frozen Worker on its own port and D1 state; resolves once healthy. The bench
 * measures through workerd alone by default: `wrangler dev` adds its dev proxy, a second workerd
 * that forwards every request (about half the CPU of an empty route), which a deployment has
 * not. The run still measures the empty route and board data through `wrangler dev`.
 */
export async function startServer(
  persistDir: string,
  config: string,
  via: Via = 'workerd',
): Promise<Server> {
  const port = await freePort()
  // wrangler: its own inspector port (by default it takes the first free one from 9229, racing
  // other engineers' `wrangler dev` for it); workerd: the scheduled handler's trigger.
  const second = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child =
    via === 'wrangler'
      ? wranglerDev(persistDir, config, port, second)
      : workerd(persistDir, config, port, second)
  const logFile = join(persistDir, `${via}.log`)
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000)
    appendFileSync(logFile, chunk)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const scheduled = async (cron: string) => {
    const query = `?cron=${encodeURIComponent(cron)}`
    const res = await fetch(
      via === 'wrangler' ? `${url}/__scheduled${query}` : `http://127.0.0.1:${second}/${query}`,
    )
    return { status: res.status, text: await res.text() }
  }
  const server = { url, process: child, log: () => output, via, scheduled }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${via} exited early:\n${output}`)
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return server
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stopServer(server)
  throw new Error(`${via} did not answer /api/health within 90 s:\n${output}`)
}

/** Ends the process group the server leads (workerd is its child). */
export async function stopServer(server: Server): Promise<void> {
  const pid = server.process.pid
  if (pid === undefined || server.process.exitCode !== null) return
  const exited = new Promise((resolve) => server.process.once('exit', resolve))
  process.kill(-pid, 'SIGTERM')
  const timer = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
