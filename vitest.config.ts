import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { webhookReceiver } from './test/setup/webhook-receiver'

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'schema/migrations'))
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              // A test-only binding: the setup file applies the real migrations to the test D1.
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations },
                // Outgoing requests (webhooks) reach a local receiver, never the network.
                outboundService: webhookReceiver,
              },
            }),
          ],
          test: {
            name: 'worker',
            include: ['test/{api,domain,jobs}/**/*.test.ts'],
            setupFiles: ['./test/setup/apply-migrations.ts', './test/setup/accounts.ts'],
          },
        },
      ],
    },
  }
})
