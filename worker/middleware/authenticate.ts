import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { matchedRoutes } from 'hono/route'
import { accessKeys, verifyAccessJwt } from '../auth/access-jwt'
import { sha256Hex } from '../auth/crypto'
import { readSessionCookie, sessionLimits } from '../auth/session'
import { findLiveToken, markTokenUsed } from '../db/api-tokens'
import { findLiveSession, touchSession, type LiveSession } from '../db/sessions'
import { getUserByEmail } from '../db/users'
import { can, tokenRole, type Action } from '../../schema/access'
import type { AppEnv, Identity } from '../env'
import { AppError } from '../errors'
import { ROUTE_ACCESS } from '../route-access'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The session's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 60_000

async function fromBearer(c: Context<AppEnv>, token: string): Promise<Identity | null> {
  const row = await findLiveToken(c.env.DB, await sha256Hex(token))
  if (!row) return null
  await markTokenUsed(c.env.DB, row.id, Date.now())
  return {
    kind: 'token',
    id: row.id,
    role: tokenRole(row.scope),
    memberId: null,
    user: null,
    sessionId: null,
  }
}

/** The identity of a live session (null: none), its last-seen time written at most once a minute. */
export async function sessionIdentity(
  c: Context<AppEnv>,
  session: LiveSession | null,
  now: number,
): Promise<Identity | null> {
  if (!session) return null
  const { user, sessionId } = session
  if (now - session.lastSeenAt > TOUCH_EVERY_MS) await touchSession(c.env.DB, sessionId, now)
  return {
    kind: 'session',
    id: user.id,
    role: user.role,
    memberId: user.memberId,
    user,
    sessionId,
  }
}

async function fromSession(c: Context<AppEnv>, token: string): Promise<Identity | null> {
  const now = Date.now()
  const hash = await sha256Hex(token)
  const session = await findLiveSession(c.env.DB, hash, now, sessionLimits(c.env).idleMs)
  return sessionIdentity(c, session, now)
}

async function fromAccess(c: Context<AppEnv>, jwt: string): Promise<Identity | null> {
  const { ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: audience } = c.env
  if (!team || !audience) return null
  const claims = await verifyAccessJwt(jwt, await accessKeys(team), {
    audience,
    issuer: `https://${team}`,
    now: Date.now(),
  })
  const user = claims && (await getUserByEmail(c.env.DB, claims.email))
  if (!user) return null
  return {
    kind: 'access',
    id: user.id,
    role: user.role,
    memberId: user.memberId,
    user,
    sessionId: null,
  }
}

/** Whether the browser says this request comes from a page of our own origin. */
function fromOurPages(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined) return site === 'same-origin'
  return c.req.header('origin') === new URL(c.req.url).origin
}

/**
 * A cookie rides along with any request the browser makes, including ones another site
 * triggers: a cookie-authenticated write must prove it comes from our own pages.
 */
export function assertSameOrigin(c: Context<AppEnv>) {
  if (!fromOurPages(c)) {
    throw new AppError(
      403,
      'cross_site',
      'Cross-site request refused: send it from the board itself',
    )
  }
}

/** Sign-in from another site's form (login CSRF) is refused; non-browser clients send neither header. */
export function refuseCrossSite(c: Context<AppEnv>) {
  const browserSays =
    c.req.header('sec-fetch-site') !== undefined || c.req.header('origin') !== undefined
  if (browserSays) assertSameOrigin(c)
}

/** Resolves the caller from a bearer token, a session cookie or (if enabled) Cloudflare Access. */
export async function identify(c: Context<AppEnv>): Promise<Identity | null> {
  const authorization = c.req.header('authorization')
  if (authorization?.startsWith('Bearer ')) return fromBearer(c, authorization.slice(7).trim())
  const cookie = readSessionCookie(c)
  if (cookie) {
    const identity = await fromSession(c, cookie)
    if (identity && UNSAFE.has(c.req.method)) assertSameOrigin(c)
    if (identity) return identity
  }
  const jwt = c.req.header('cf-access-jwt-assertion')
  return jwt ? fromAccess(c, jwt) : null
}

/** The rule of the route this request matched, or undefined for an unknown route. */
export function routeRule(c: Context<AppEnv>) {
  const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL')
  return route
    ? { key: `${route.method} ${route.path}`, rule: ROUTE_ACCESS[`${route.method} ${route.path}`] }
    : undefined
}

/** Refuses the request unless the caller may take `action` (for rules finer than the route's). */
export function authorize(c: Context<AppEnv>, action: Action) {
  const identity = c.get('identity')
  if (!identity) throw new AppError(401, 'unauthenticated', 'Sign in first')
  if (!can(identity.role, action)) {
    throw new AppError(
      403,
      'forbidden',
      identity.kind !== 'token'
        ? `Your access role (${identity.role}) does not allow ${action}`
        : identity.role === 'viewer'
          ? `This API token is read-only: it cannot ${action}. Ask an admin for a write token`
          : `An API token cannot ${action}: it is for a person who signs in`,
    )
  }
}

/** Routes that read a cookie's session in their own first D1 batch (middleware/batched-session.ts). */
const SESSION_IN_OWN_BATCH = new Set([
  'POST /api/clients/:id/move',
  'POST /api/assignments/suggest',
])

/**
 * Whether the route reads the caller's session itself: a move (the board's hottest write) and a
 * suggestion (asked for at every assignment) are a single batch of reads otherwise, and the session
 * rides in it (one D1 round trip less). Only when a session cookie is the request's one
 * credential; the route admits the caller before it answers or writes anything.
 */
function sessionInOwnBatch(c: Context<AppEnv>, routeKey: string): boolean {
  return (
    SESSION_IN_OWN_BATCH.has(routeKey) &&
    !c.req.header('authorization')?.startsWith('Bearer ') &&
    c.req.header('cf-access-jwt-assertion') === undefined &&
    Boolean(readSessionCookie(c))
  )
}

/** Lets a caller in, if there is one and the route's rule allows them. */
export function admit(c: Context<AppEnv>, identity: Identity | null, rule: Action) {
  if (!identity)
    throw new AppError(401, 'unauthenticated', 'Sign in first: no valid session or token')
  c.set('identity', identity)
  c.set('actorId', identity.id)
  authorize(c, rule)
}

/** Every /api request: who is calling, and may they use this route at all. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const matched = routeRule(c)
  if (!matched) return next()
  if (matched.rule === undefined) {
    throw new AppError(403, 'forbidden', `No access rule for ${matched.key}`)
  }
  if (matched.rule === 'public' || sessionInOwnBatch(c, matched.key)) return next()
  admit(c, await identify(c), matched.rule)
  return next()
})
