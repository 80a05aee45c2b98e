import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { hashPassword, PBKDF2_ITERATIONS } from '../../worker/auth/password'
import { api } from './helpers'

const password = 'old-cost-password'

const storedHash = async (email: string) =>
  (
    await env.DB.prepare('SELECT password_hash FROM users WHERE email = ?1')
      .bind(email)
      .first<{ password_hash: string }>()
  )?.password_hash

/** An account whose hash was made when the cost was lower. */
async function accountWithOldCost(email: string) {
  const now = Date.now()
  await env.DB.prepare(
    `INSERT INTO users (id, email, name, access_role, password_hash, created_at, updated_at)
     VALUES (?1, ?2, ?2, 'member', ?3, ?4, ?4)`,
  )
    .bind(crypto.randomUUID(), email, await hashPassword(password, 1_000), now)
    .run()
}

const login = (email: string, pw: string) =>
  api('/auth/login', { as: 'anonymous', method: 'POST', json: { email, password: pw } })

describe('password hashes made at an older cost', () => {
  it('are replaced at the current cost when their owner signs in', async () => {
    await accountWithOldCost('rehash@board.test')
    const before = await storedHash('rehash@board.test')
    expect((await login('rehash@board.test', password)).status).toBe(200)
    const after = await storedHash('rehash@board.test')
    const [, iterations, salt] = after?.split('$') ?? []
    expect(Number(iterations)).toBe(PBKDF2_ITERATIONS)
    expect(salt).not.toBe(before?.split('$')[2])
    expect((await login('rehash@board.test', password)).status).toBe(200)
  })

  it('stay as they are after a wrong password', async () => {
    await accountWithOldCost('no-rehash@board.test')
    const before = await storedHash('no-rehash@board.test')
    expect((await login('no-rehash@board.test', 'not-the-password')).status).toBe(401)
    expect(await storedHash('no-rehash@board.test')).toBe(before)
  })
})
