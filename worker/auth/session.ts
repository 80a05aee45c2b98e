import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { insertSession } from '../db/sessions'
import type { AppEnv, Env } from '../env'
import { newSecret, sha256Hex } from './crypto'

/** Session limits from wrangler.toml vars, with safe defaults. */
export function sessionLimits(env: Env) {
  const idleMinutes = Number(env.SESSION_IDLE_MINUTES) || 12 * 60
  const maxDays = Number(env.SESSION_MAX_DAYS) || 7
  return { idleMs: idleMinutes * 60_000, maxMs: maxDays * 24 * 3_600_000 }
}

/**
 * `__Host-` pins the cookie to this exact origin over HTTPS; browsers refuse that prefix on
 * plain http (local development), which then gets an unprefixed name.
 */
export function cookieName(c: Context<AppEnv>) {
  return new URL(c.req.url).protocol === 'https:' ? '__Host-jb_session' : 'jb_session'
}

export function readSessionCookie(c: Context<AppEnv>) {
  return getCookie(c, cookieName(c))
}

/** Starts a session: a 256-bit token in the cookie, only its hash in D1. */
export async function startSession(c: Context<AppEnv>, userId: string, now: number) {
  const token = newSecret()
  const { maxMs } = sessionLimits(c.env)
  await insertSession(c.env.DB, {
    id: crypto.randomUUID(),
    tokenHash: await sha256Hex(token),
    userId,
    now,
    expiresAt: now + maxMs,
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  })
  const secure = new URL(c.req.url).protocol === 'https:'
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(maxMs / 1000),
  })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, cookieName(c), { path: '/', secure: new URL(c.req.url).protocol === 'https:' })
}
