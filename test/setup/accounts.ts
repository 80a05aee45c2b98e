import { env } from 'cloudflare:workers'
import { hashPassword } from '../../worker/auth/password'

/** One account per access role, all with this password (tests sign in through the real API). */
export const TEST_PASSWORD = 'test-password-1'

// Setup files may run more than once: the inserts are no-ops the second time.
const hash = await hashPassword(TEST_PASSWORD)
const now = Date.now()
await env.DB.batch([
  env.DB.prepare(
    `INSERT INTO members (id, name, email, grade, created_at, updated_at)
     VALUES ('t-lead', 'Тест Лид', 't-lead@board.test', 'lead', ?1, ?1),
            ('t-member', 'Тест Аккаунт', 't-member@board.test', 'middle', ?1, ?1)
     ON CONFLICT DO NOTHING`,
  ).bind(now),
  env.DB.prepare(
    `INSERT INTO users (id, email, name, access_role, member_id, password_hash, created_at, updated_at)
     VALUES ('u-admin', 'admin@board.test', 'Admin', 'admin', NULL, ?1, ?2, ?2),
            ('u-lead', 'lead@board.test', 'Lead', 'lead', 't-lead', ?1, ?2, ?2),
            ('u-member', 'member@board.test', 'Member', 'member', 't-member', ?1, ?2, ?2),
            ('u-viewer', 'viewer@board.test', 'Viewer', 'viewer', NULL, ?1, ?2, ?2)
     ON CONFLICT DO NOTHING`,
  ).bind(hash, now),
])
