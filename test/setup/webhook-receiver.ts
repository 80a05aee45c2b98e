// A webhook endpoint for the worker tests, running in Node as the test Worker's outbound
// network: it checks the X-Signature with the shared secret like a real receiver would.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { RECEIVER_SECRET } from './stand-ins'

const failuresSoFar = new Map<string, number>()

function validSignature(header: string | null, body: string): boolean {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((p) => p.split('=') as [string, string]),
  )
  if (!parts.t || !parts.v1) return false
  const expected = createHmac('sha256', RECEIVER_SECRET).update(`${parts.t}.${body}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Hosts the receiver answers for: the test domain, and a loopback one for private targets. */
const RECEIVER_HOSTS = new Set(['hooks.test', '127.0.0.1'])

/**
 * https://hooks.test/ok answers 200 to a valid signature (401 otherwise); /down always 503;
 * /flaky/N fails each delivery's first N attempts, then accepts it.
 */
export async function webhookReceiver(request: {
  url: string
  headers: { get(name: string): string | null }
  text(): Promise<string>
}) {
  const url = new URL(request.url)
  if (!RECEIVER_HOSTS.has(url.hostname)) {
    return new Response('no network in tests', { status: 502 })
  }
  const body = await request.text()
  if (!validSignature(request.headers.get('x-signature'), body)) {
    return new Response('bad signature', { status: 401 })
  }
  if (url.pathname === '/down') return new Response('down', { status: 503 })
  const flaky = /^\/flaky\/(\d+)$/.exec(url.pathname)
  if (flaky) {
    const id = request.headers.get('x-delivery-id') ?? ''
    const seen = failuresSoFar.get(id) ?? 0
    if (seen < Number(flaky[1])) {
      failuresSoFar.set(id, seen + 1)
      return new Response('try later', { status: 500 })
    }
  }
  return Response.json({ ok: true })
}
