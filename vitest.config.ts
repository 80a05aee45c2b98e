import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { ACCESS_AUDIENCE, ACCESS_TEAM } from './test/setup/stand-ins'
import { testNetwork } from './test/setup/test-network'

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
              miniflare: {
                bindings: {
                  // A test-only binding: the setup file applies the real migrations to the test D1.
                  TEST_MIGRATIONS: migrations,
                  // Access sign-in on, against the stand-in team in test/setup/access-certs.ts.
                  ACCESS_TEAM_DOMAIN: ACCESS_TEAM,
                  ACCESS_AUD: ACCESS_AUDIENCE,
                },
                // A second, empty database: migration tests build an older schema in it.
                d1Databases: {
                  DB: '00000000-0000-0000-0000-000000000000',
                  MIGRATION_DB: 'migration-test',
                },
                // Outgoing requests (webhooks, Access keys) reach local stand-ins, never the network.
                outboundService: testNetwork,
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
            // After the worker and web projects: on a 2-core CI machine, browsers, wrangler dev
            // and a pool of workerd test runtimes at once starved page loads past 30 s.
            sequence: { groupOrder: 1 },
            // A page load under `wrangler dev` now and then takes over 30 s with nothing else
            // running (3 of the last 8 full runs, each time a different file, never reproduced
            // with E2E_SERVER_LOG on): such a test gets one more go. A real failure fails twice.
            retry: 1,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }
})
