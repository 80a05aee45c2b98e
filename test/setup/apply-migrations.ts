import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

// Setup files may run more than once per worker; applyD1Migrations skips what is applied.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
