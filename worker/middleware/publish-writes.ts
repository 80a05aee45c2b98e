import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { publishAfterWrite } from '../services/publish'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * After any write that answered 2xx (its batch has committed), the board's object hears of it
 * in the background. Every route is covered, present and future: what changed is in the feed
 * the migration's triggers fill, so the hook need not know.
 */
export const publishWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  if (WRITES.has(c.req.method) && c.res.status < 300 && !c.req.path.startsWith('/api/auth/')) {
    publishAfterWrite(c.env, c.executionCtx)
  }
})
