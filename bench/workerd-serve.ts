/**
 * Serves the frozen Worker (server.ts, snapshotWorker) in workerd through Miniflare — the runtime
 * `wrangler dev` hosts it in — without wrangler's dev proxy, a second workerd that forwards every
 * request and WebSocket frame for hot reloads. Same bindings as wrangler.toml (D1, R2, the
 * board's Durable Object, static assets), same persisted state as `wrangler dev --persist-to`.
 * Run as a child process so its CPU is counted apart from the bench's clients.
 * Usage: tsx bench/workerd-serve.ts <wrangler.toml> <persist dir> <port> <trigger port>
 * `GET http://127.0.0.1:<trigger port>/?cron=…` runs the Worker's scheduled handler and answers
 * when it has finished (Miniflare's own trigger URL reaches the static-assets router, which has
 * no scheduled handler).
 */
import { createServer } from 'node:http'
import { join } from 'node:path'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'
// wrangler's own Miniflare (4.x), not the 5.x beta the test plugin brings along.
import {
  Log,
  LogLevel,
  Miniflare,
} from '../node_modules/wrangler/node_modules/miniflare/dist/src/index.js'

const [config, persistDir, port, triggerPort] = process.argv.slice(2)
if (!config || !persistDir || !port || !triggerPort) {
  throw new Error('usage: workerd-serve <config> <dir> <port> <trigger port>')
}
const { workerOptions, main } = unstable_getMiniflareWorkerOptions(config)
if (!main) throw new Error(`${config} names no Worker (main)`)
const state = join(persistDir, 'v3')
const mf = new Miniflare({
  ...workerOptions,
  name: 'journey-board',
  modules: true,
  scriptPath: main,
  modulesRoot: join(main, '..'),
  host: '127.0.0.1',
  port: Number(port),
  // wrangler's cf.json download is off in the bench (toolEnv); the same here.
  cf: false,
  // The Worker's own errors and warnings in the log file, as `wrangler dev` shows them.
  log: new Log(LogLevel.WARN),
  d1Persist: join(state, 'd1'),
  r2Persist: join(state, 'r2'),
  durableObjectsPersist: join(state, 'do'),
} as ConstructorParameters<typeof Miniflare>[0])
const ready = await mf.ready
// Node's types for a Miniflare Fetcher lack `scheduled` (a Workers-only method it does have).
const worker = (await mf.getWorker('journey-board')) as unknown as {
  scheduled(o: { cron: string; scheduledTime: Date }): Promise<{ outcome: string }>
}
createServer((req, res) => {
  const cron = new URL(req.url ?? '/', 'http://trigger').searchParams.get('cron') ?? ''
  worker.scheduled({ cron, scheduledTime: new Date() }).then(
    ({ outcome }) => res.writeHead(outcome === 'ok' ? 200 : 500).end(outcome),
    (error: unknown) => res.writeHead(500).end(String(error)),
  )
}).listen(Number(triggerPort), '127.0.0.1')
console.log(`ready ${ready.origin}`)
const stop = () => void mf.dispose().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
