import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { webhookReceiver } from './test/setup/webhook-receiver'

// dnd-kit and any React-flavoured import must resolve to preact/compat, as in web/vite.config.ts.
const preactAliases = [
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
]

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
        {
          resolve: { alias: preactAliases },
          test: {
            name: 'web',
            include: ['test/web/**/*.test.ts'],
            environment: 'node',
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            // Builds the app and serves it with wrangler on its own port and D1 state.
            globalSetup: ['./test/e2e/global-setup.ts'],
            // One browser-driven file at a time: they share the served app and its data.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }
})
