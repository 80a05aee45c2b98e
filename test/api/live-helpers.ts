import { exports } from 'cloudflare:workers'
import type { LiveMessage } from '../../schema/live'
import { api, ORIGIN, signIn } from './helpers'
import { TEST_PASSWORD } from '../setup/accounts'

/** A board socket opened through the real Worker, with every message it received. */
export interface TestSocket {
  ws: WebSocket
  messages: LiveMessage[]
  /** Resolves with the first message (received before or after the call) that matches. */
  next: <T extends LiveMessage>(match: (m: LiveMessage) => m is T, ms?: number) => Promise<T>
}

/** Opens GET /api/live as `headers` say (cookie, origin, authorization); throws unless 101. */
export async function openSocket(headers: Record<string, string>): Promise<TestSocket> {
  const res = await upgrade(headers)
  const ws = res.webSocket
  if (res.status !== 101 || !ws)
    throw new Error(`upgrade failed: ${res.status} ${await res.text()}`)
  ws.accept()
  const messages: LiveMessage[] = []
  const waiters = new Set<() => void>()
  ws.addEventListener('message', (event) => {
    messages.push(JSON.parse(String(event.data)) as LiveMessage)
    for (const wake of waiters) wake()
  })
  const next: TestSocket['next'] = (match, ms = 5000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find(match)
        if (!found) return
        waiters.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(messages)}`))
      }, ms)
      waiters.add(check)
      check()
    })
  return { ws, messages, next }
}

/** The upgrade request as a browser page of `origin` would send it. */
export function upgrade(headers: Record<string, string>) {
  return exports.default.fetch(`${ORIGIN}/api/live`, {
    headers: { upgrade: 'websocket', origin: ORIGIN, ...headers },
  })
}

/** A fresh session of a test account (its own cookie, so a socket is its own tab). */
export const cookieOf = (role: 'admin' | 'lead' | 'member' | 'viewer') =>
  signIn(`${role}@board.test`, TEST_PASSWORD)

/** The feed's current cursor. */
export async function cursorNow(): Promise<number> {
  return (await api('/changes?since=0')).body.cursor as number
}

export const isChanges = (m: LiveMessage): m is Extract<LiveMessage, { type: 'changes' }> =>
  m.type === 'changes'

/** A changes message that carries this card at (at least) this version. */
export const cardAt =
  (clientId: string, version: number) =>
  (m: LiveMessage): m is Extract<LiveMessage, { type: 'changes' }> =>
    isChanges(m) && m.clients.some((c) => c.id === clientId && c.version >= version)
