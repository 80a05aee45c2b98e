import { exports } from 'cloudflare:workers'
import type { Client } from '../../schema/clients'
import type { AccessRole } from '../../schema/access'
import { TEST_PASSWORD } from '../setup/accounts'
import { checkAnswer } from './response-check'

export const ORIGIN = 'https://board.test'

/** Who a test request comes from: an access role's test account, a bearer token, or nobody. */
export type Caller = AccessRole | 'anonymous' | { token: string } | { cookie: string }

/** A request through the real Worker (router, middleware, D1), as seen from our own pages. */
export async function fetchWorker(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (!headers.has('origin')) headers.set('origin', ORIGIN)
  return exports.default.fetch(`${ORIGIN}${path}`, { ...init, headers })
}

const cookies = new Map<AccessRole, string>()

/** Signs in through POST /api/auth/login and returns the session cookie (name=value). */
export async function signIn(email: string, password: string) {
  const res = await fetchWorker('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 200 || !cookie)
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return cookie
}

async function cookieFor(role: AccessRole) {
  let cookie = cookies.get(role)
  if (!cookie) {
    cookie = await signIn(`${role}@board.test`, TEST_PASSWORD)
    cookies.set(role, cookie)
  }
  return cookie
}

/** Parses a JSON body when there is one; tests then read fields without ceremony. */
async function parse(res: Response) {
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: the test sees the raw text.
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, any> }
}

/** A JSON API call, by default as the admin; the answer is checked against the API's schemas. */
export async function api(path: string, init: RequestInit & { json?: unknown; as?: Caller } = {}) {
  const { json, as = 'admin', ...rest } = init
  const headers = new Headers(rest.headers)
  if (json !== undefined) headers.set('content-type', 'application/json')
  if (typeof as === 'string' && as !== 'anonymous') headers.set('cookie', await cookieFor(as))
  if (typeof as === 'object' && 'token' in as) headers.set('authorization', `Bearer ${as.token}`)
  if (typeof as === 'object' && 'cookie' in as) headers.set('cookie', as.cookie)
  const body = json !== undefined ? JSON.stringify(json) : rest.body
  const answer = await parse(await fetchWorker(`/api${path}`, { ...rest, headers, body }))
  checkAnswer(rest.method ?? 'GET', `/api${path}`, answer.status, answer.body)
  return answer
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
