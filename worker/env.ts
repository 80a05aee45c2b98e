import type { AccessRole } from '../schema/access'
import type { User } from '../schema/auth'

/**
 * Bindings and variables the Worker runs with: generated from wrangler.toml by `npm run types`
 * into worker-configuration.d.ts (run it again after changing a binding).
 */
export type Env = Cloudflare.Env

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
