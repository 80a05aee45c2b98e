import { exports } from 'cloudflare:workers'
import type { Client } from '../../schema/clients'

/** A request through the real Worker (router, middleware, D1). */
export async function api(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init
  const headers = new Headers(rest.headers)
  if (json !== undefined) headers.set('content-type', 'application/json')
  const res = await exports.default.fetch(`https://board.test/api${path}`, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: the test sees the raw text.
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, any> }
}

let counter = 0
/** Creates a client in a stage and returns it. */
export async function createClient(stageId: string, overrides: Record<string, unknown> = {}) {
  counter += 1
  const res = await api('/clients', {
    method: 'POST',
    json: {
      name: `Client ${counter}`,
      company: `ООО «Тест ${counter}»`,
      tier: 'B',
      stageId,
      ...overrides,
    },
  })
  if (res.status !== 201)
    throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as unknown as Client
}
