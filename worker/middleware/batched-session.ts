import type { Context } from 'hono'
import { sha256Hex } from '../auth/crypto'
import { readSessionCookie, sessionLimits } from '../auth/session'
import { liveSessionFrom, liveSessionQuery, type LiveSessionRow } from '../db/sessions'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { admit, assertSameOrigin, routeRule, sessionIdentity } from './authenticate'

/**
 * The statement reading the caller's session, for a route whose session `authenticate` left to
 * its own read batch; null when the middleware admitted the caller already (a token, Access).
 */
export async function batchedSessionQuery(c: Context<AppEnv>) {
  if (c.get('identity')) return null
  const token = readSessionCookie(c) ?? ''
  return liveSessionQuery(c.env.DB, await sha256Hex(token), Date.now(), sessionLimits(c.env).idleMs)
}

/**
 * Admits the caller from the session row the route's batch read, with the checks `authenticate`
 * makes (a live session, a write from our own pages, the route's access rule): call it before
 * the route writes anything. A no-op when the middleware admitted the caller.
 */
export async function admitBatchedSession(c: Context<AppEnv>, result: D1Result | undefined) {
  if (c.get('identity')) return
  const rule = routeRule(c)?.rule
  if (rule === undefined || rule === 'public') {
    throw new AppError(403, 'forbidden', `No access rule for ${c.req.method} ${c.req.path}`)
  }
  const row = (result?.results as LiveSessionRow[] | undefined)?.[0]
  const identity = await sessionIdentity(c, liveSessionFrom(row), Date.now())
  if (identity) assertSameOrigin(c)
  admit(c, identity, rule)
}
