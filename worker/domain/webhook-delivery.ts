/** The first retry waits this long; each further one twice as long, up to the cap. */
const FIRST_RETRY_MS = 60_000
const MAX_RETRY_MS = 6 * 3_600_000

/**
 * When to try a delivery again after `attempts` failed attempts. It never gives up: an endpoint
 * that is down for a day gets everything once it is back, at most six hours late.
 */
export function nextAttemptAt(now: number, attempts: number): number {
  return now + Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS)
}

/** `X-Signature` value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export async function signature(secret: string, body: string, now: number): Promise<string> {
  const t = Math.floor(now / 1000)
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${t}.${body}`))
  const hex = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `t=${t},v1=${hex}`
}

/** The body a webhook receives: our JSON, or a Slack-compatible `{"text"}` message. */
export function renderPayload(format: 'json' | 'slack', payload: string): string {
  if (format === 'json') return payload
  const p = JSON.parse(payload) as { event?: string; text?: string; title?: string }
  return JSON.stringify({ text: p.text ?? p.title ?? p.event ?? 'Journey Board' })
}
