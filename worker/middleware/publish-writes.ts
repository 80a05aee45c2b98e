import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { publishAfterWrite } from '../services/publish'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** POSTs that only read (a ranking, an import's dry run): waking the board's object is waste. */
const READING_POSTS = new Set(['/api/assignments/suggest', '/api/imports/check'])

/**
 * After any write that answered 2xx (its batch has committed), the board's object hears of it
 * in the background. Every route is covered, present and future: what changed is in the feed
 * the migration's triggers fill, so the hook need not know.
 */
export const publishWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const { method, path } = c.req
  const wrote = WRITES.has(method) && c.res.status < 300 && !READING_POSTS.has(path)
  if (wrote && !path.startsWith('/api/auth/')) publishAfterWrite(c.env, c.executionCtx)
})
