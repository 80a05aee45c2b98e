import { createMiddleware } from 'hono/factory'
import { sha256Hex } from '../auth/crypto'
import { claimKey, releaseKey, storeResponse, type StoredClaim } from '../db/idempotency'
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { streamsBody } from './streamed-body'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** A move claims its key inside its own write batch (services/move-client.ts). */
const CLAIMS_OWN_KEY = /^\/api\/clients\/[^/]+\/move$/

/** An idempotent request: who asked what under which key, and the hash of the request. */
export interface KeyedRequest {
  scope: string
  key: string
  requestHash: string
}

/**
 * The key of a write request from an identified caller (null: none sent, or not applicable).
 * Hono keeps the body text, so the route's own JSON parsing reads it again without the stream.
 */
export async function keyedRequest(c: Context<AppEnv>): Promise<KeyedRequest | null> {
  const key = c.req.header('idempotency-key')
  if (!key || !WRITES.has(c.req.method) || !c.get('actorId')) return null
  if (key.length > 200) {
    throw new AppError(400, 'bad_request', 'Idempotency-Key must be at most 200 characters')
  }
  const url = new URL(c.req.url)
  // An upload is not read here (it streams to R2): its key is bound to its name and length.
  const body = streamsBody(c.req.method, c.req.path)
    ? `file of ${c.req.header('content-length')} bytes`
    : await c.req.text()
  const requestHash = await sha256Hex(`${c.req.method}\n${url.pathname}${url.search}\n${body}`)
  return { scope: `${c.get('actorId')} ${c.req.method} ${c.req.path}`, key, requestHash }
}

/**
 * What a stored claim answers a retry with: its answer, or (thrown) why it has none — the key
 * came with another request, or the first request is still running.
 */
export function replay(stored: StoredClaim, requestHash: string): Response {
  if (stored.requestHash !== null && stored.requestHash !== requestHash) {
    throw new AppError(
      422,
      'idempotency_mismatch',
      'This Idempotency-Key was used for a different request: use a new key for a new request',
    )
  }
  if (stored.status === null) {
    throw new AppError(
      409,
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still running',
    )
  }
  return new Response(stored.body, {
    status: stored.status,
    headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
  })
}

/**
 * `Idempotency-Key` on a write: the first request runs, a retry with the same key (same caller,
 * method and path) gets the first answer back instead of acting twice. The key is bound to a
 * hash of the request: the same key with another body is a client bug, answered 422 rather
 * than with an answer to a different question. Only identified callers get replays: on public
 * routes (sign-in) every anonymous caller would share one scope. Claims live in D1, so this
 * holds across isolates and machines.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  if (CLAIMS_OWN_KEY.test(c.req.path)) return next()
  const req = await keyedRequest(c)
  if (!req) return next()
  const db = c.env.DB
  const { scope, key, requestHash } = req
  const stored = await claimKey(db, scope, key, requestHash, Date.now())
  if (stored) return replay(stored, requestHash)
  await next()
  if (c.res.status >= 500) {
    await releaseKey(db, scope, key)
    return
  }
  await storeResponse(db, scope, key, { status: c.res.status, body: await c.res.clone().text() })
})
