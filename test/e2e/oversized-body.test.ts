import { describe, expect, it } from 'vitest'
import { baseUrl, DEMO_PASSWORD } from './browser'

/** Signs in over HTTP (no browser) and returns the session cookie. */
async function signIn(): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'member@demo.local', password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

/** A body sent in chunks, with no Content-Length, as a streaming client sends it. */
function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close()
      controller.enqueue(chunk)
      sent += chunk.length
    },
  })
}

describe('an oversized request body (wrangler dev)', () => {
  it('is refused with 413, and the next write still works', async () => {
    const cookie = await signIn()
    const headers = { cookie, origin: baseUrl(), 'content-type': 'application/json' }
    const big = await fetch(`${baseUrl()}/api/clients`, {
      method: 'POST',
      headers,
      body: chunked(1024 * 1024),
      duplex: 'half',
    } as RequestInit)
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large')

    const next = await fetch(`${baseUrl()}/api/clients`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'После большого запроса',
        company: 'ООО «Проверка»',
        tier: 'C',
        stageId: 'inbound-lead',
      }),
    })
    expect(next.status).toBe(201)
  })
})
