import type { D1Migration } from 'cloudflare:test'

// The test Worker's one extra binding (vitest.config.ts), merged into the generated Env.
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[]
      MIGRATION_DB: D1Database
    }
  }
}
