import { createMiddleware } from 'hono/factory'
import { sha256Hex } from '../auth/crypto'
import { claimKey, releaseKey, storeResponse } from '../db/idempotency'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { streamsBody } from './streamed-body'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * `Idempotency-Key` on a write: the first request runs, a retry with the same key (same caller,
 * method and path) gets the first answer back instead of acting twice. The key is bound to a
 * hash of the request: the same key with another body is a client bug, answered 422 rather
 * than with an answer to a different question. Only identified callers get replays: on public
 * routes (sign-in) every anonymous caller would share one scope. Claims live in D1, so this
 * holds across isolates and machines.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key')
  if (!key || !WRITES.has(c.req.method) || !c.get('actorId')) return next()
  if (key.length > 200) {
    throw new AppError(400, 'bad_request', 'Idempotency-Key must be at most 200 characters')
  }
  const db = c.env.DB
  const scope = `${c.get('actorId')} ${c.req.method} ${c.req.path}`
  const url = new URL(c.req.url)
  // Hono keeps the text, so the route's own JSON parsing reads it again without the stream. An
  // upload is not read here (it streams to R2): its key is bound to its name and length.
  const body = streamsBody(c.req.method, c.req.path)
    ? `file of ${c.req.header('content-length')} bytes`
    : await c.req.text()
  const requestHash = await sha256Hex(`${c.req.method}\n${url.pathname}${url.search}\n${body}`)
  const stored = await claimKey(db, scope, key, requestHash, Date.now())
  if (stored) {
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
  await next()
  if (c.res.status >= 500) {
    await releaseKey(db, scope, key)
    return
  }
  await storeResponse(db, scope, key, { status: c.res.status, body: await c.res.clone().text() })
})
