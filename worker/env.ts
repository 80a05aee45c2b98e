/** Bindings and variables the Worker runs with (wrangler.toml). */
export interface Env {
  DB: D1Database
  ASSETS: Fetcher
}

/** Hono's type parameter for every sub-app. */
export interface AppEnv {
  Bindings: Env
  Variables: {
    requestId: string
    actorId: string | null
  }
}
