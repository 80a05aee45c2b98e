/** A signed-in caller: the session cookie and the origin its writes must name. */
export interface Session {
  url: string
  cookie: string
}

export const DEMO_PASSWORD = 'demo-board-2026'

/** Signs in through the API as the board does; returns the session cookie. */
export async function signIn(url: string, email: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`)
  // Node's Headers has getSetCookie(); the Workers types in this tsconfig do not declare it.
  const setCookies = (res.headers as unknown as { getSetCookie: () => string[] }).getSetCookie()
  const cookie = setCookies.map((c) => c.split(';')[0] ?? '')
  return { url, cookie: cookie.join('; ') }
}

/** Headers of a same-origin call from the board (cookie writes must name their origin). */
export const boardHeaders = (s: Session, extra: Record<string, string> = {}) => ({
  cookie: s.cookie,
  origin: s.url,
  accept: 'application/json',
  ...extra,
})

export interface Timed {
  ms: number
  status: number
  bytes: number
  text: string
}

/** One request, timed from send to the last byte of the body. */
export async function timed(s: Session, path: string, init: RequestInit = {}): Promise<Timed> {
  const started = performance.now()
  const res = await fetch(`${s.url}${path}`, {
    ...init,
    headers: boardHeaders(s, (init.headers ?? {}) as Record<string, string>),
  })
  const body = new Uint8Array(await res.arrayBuffer())
  return {
    ms: performance.now() - started,
    status: res.status,
    bytes: body.byteLength,
    text: new TextDecoder().decode(body),
  }
}

export async function getJson<T>(s: Session, path: string): Promise<T> {
  const r = await timed(s, path)
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text.slice(0, 300)}`)
  return JSON.parse(r.text) as T
}
