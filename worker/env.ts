import type { AccessRole } from './domain/access'
import type { User } from '../schema/auth'

/** Bindings and variables the Worker runs with (wrangler.toml). */
export interface Env {
  DB: D1Database
  ASSETS: Fetcher
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES?: string
  /** Days after sign-in after which a session ends however active. */
  SESSION_MAX_DAYS?: string
  /** CSP frame-ancestors: who may embed the board ("'none'" by default). */
  FRAME_ANCESTORS?: string
  /** Cloudflare Access: trust its signed identity header when both are set. */
  ACCESS_TEAM_DOMAIN?: string
  ACCESS_AUD?: string
  /** "true" lets webhooks target private, loopback and internal addresses (off by default). */
  WEBHOOK_ALLOW_PRIVATE?: string
}

/** Who is calling, however they proved it. */
export interface Identity {
  kind: 'session' | 'token' | 'access'
  /** The user id (session, Access) or the API token id. */
  id: string
  role: AccessRole
  memberId: string | null
  user: User | null
  sessionId: string | null
}

/** Hono's type parameter for every sub-app. */
export interface AppEnv {
  Bindings: Env
  Variables: {
    requestId: string
    identity: Identity | null
    /** Who history entries name: the identity's id, or null before sign-in. */
    actorId: string | null
  }
}
