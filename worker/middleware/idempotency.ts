import { createMiddleware } from 'hono/factory'
import { claimKey, releaseKey, storeResponse } from '../db/idempotency'
import type { AppEnv } from '../env'
import { AppError } from '../errors'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * `Idempotency-Key` on a write: the first request runs, a retry with the same key (same caller,
 * method and path) gets the first answer back instead of acting twice. Claims live in D1, so
 * this holds across isolates and machines.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key')
  if (!key || !WRITES.has(c.req.method)) return next()
  if (key.length > 200) {
    throw new AppError(400, 'bad_request', 'Idempotency-Key must be at most 200 characters')
  }
  const db = c.env.DB
  const scope = `${c.get('actorId') ?? '-'} ${c.req.method} ${c.req.path}`
  const stored = await claimKey(db, scope, key, Date.now())
  if (stored) {
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
