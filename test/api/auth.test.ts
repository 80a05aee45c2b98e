import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { PBKDF2_ITERATIONS } from '../../worker/auth/password'
import { ACCOUNT_LIMITS, ADDRESS_LIMITS } from '../../worker/domain/login-throttle'
import { TEST_PASSWORD } from '../setup/accounts'
import { api, fetchWorker, signIn } from './helpers'

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  api('/auth/login', { as: 'anonymous', method: 'POST', json: { email, password }, headers })

/** A fresh account, so throttling in one test does not leak into another. */
async function newAccount(email: string, role = 'member') {
  const res = await api('/users', {
    method: 'POST',
    json: { email, name: email, role, password: TEST_PASSWORD },
  })
  expect(res.status).toBe(201)
  return res.body
}

describe('sign-in', () => {
  it('signs in with the right password and sets a hardened session cookie', async () => {
    const res = await fetchWorker('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'MEMBER@board.test', password: TEST_PASSWORD }),
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^__Host-jb_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    const me = await api('/auth/me', { as: { cookie: cookie.split(';')[0]! } })
    expect(me.body.user).toMatchObject({
      email: 'member@board.test',
      role: 'member',
      memberId: 't-member',
    })
  })

  it('refuses a wrong password with 401 and a message', async () => {
    const headers = { 'cf-connecting-ip': '192.0.2.1' }
    const res = await login('viewer@board.test', 'wrong-password', headers)
    expect(res.status).toBe(401)
    expect(res.body.error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong e-mail or password',
    })
    expect((await login('nobody@board.test', 'whatever', headers)).status).toBe(401)
  })

  it('slows down, then locks an account at an address, and recovers after the window', async () => {
    await newAccount('locked@board.test')
    const attacker = { 'cf-connecting-ip': '198.51.100.1' }
    const attempt = (password: string) => login('locked@board.test', password, attacker)
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt('nope')).status)
    expect(statuses).toEqual([401, 401, 401, 429])
    const slow = await attempt(TEST_PASSWORD)
    expect(slow.status).toBe(429)
    expect(slow.body.error.message).toMatch(/wait \d+ s/)
    // Each attempt after the third must wait 1 s, 2 s, 4 s…: move the last failure back in time
    // instead of sleeping, then fail until the lock.
    const rewind = (ms: number) =>
      env.DB.prepare(
        `UPDATE login_throttle SET last_failure_at = last_failure_at - ?1,
           locked_until = locked_until - ?1 WHERE scope = 'pair:locked@board.test|198.51.100.1'`,
      )
        .bind(ms)
        .run()
    let last = slow
    for (let i = 0; i < 5; i += 1) {
      await rewind(60_000)
      last = await attempt('nope')
    }
    expect(last.status).toBe(401)
    const locked = await attempt(TEST_PASSWORD)
    expect(locked.status).toBe(423)
    expect(locked.body.error.code).toBe('locked')
    expect(locked.body.error.message).toMatch(/locked for \d+ more minute/)
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(60)

    // The lock is the pair's: the owner signs in from another address, the guesser stays locked.
    const owner = await login('locked@board.test', TEST_PASSWORD, {
      'cf-connecting-ip': '192.0.2.50',
    })
    expect(owner.status).toBe(200)
    expect((await attempt(TEST_PASSWORD)).status).toBe(423)

    await rewind(16 * 60_000)
    const recovered = await attempt(TEST_PASSWORD)
    expect(recovered.status).toBe(200)
    const row = await env.DB.prepare(
      "SELECT * FROM login_throttle WHERE scope = 'pair:locked@board.test|198.51.100.1'",
    ).first()
    expect(row).toBeNull()
  })

  /** A scope two failures short of its lock, the last one long enough ago to try again. */
  const nearLock = (scope: string, lockAfter: number) =>
    env.DB.prepare(
      `INSERT INTO login_throttle (scope, failures, window_started_at, last_failure_at)
       VALUES (?1, ?2, ?3, ?3)`,
    )
      .bind(scope, lockAfter - 2, Date.now() - 120_000)
      .run()

  /** Fires `n` wrong sign-ins at once; returns how many reached the password check (401). */
  async function parallelFailures(n: number, attempt: (i: number) => Promise<{ status: number }>) {
    const statuses = (await Promise.all(Array.from({ length: n }, (_, i) => attempt(i)))).map(
      (r) => r.status,
    )
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429 || s === 423)).toBe(true)
    return statuses.filter((s) => s === 401).length
  }

  it('checks no more passwords than the limit allows, however many attempts arrive at once', async () => {
    const accounts = ['race0@board.test', 'race1@board.test', 'race2@board.test']
    for (const email of accounts) {
      await newAccount(email)
      await nearLock(`email:${email}`, ACCOUNT_LIMITS.lockAfter)
    }
    // Each from its own address, so only the accounts' limits apply.
    const checked = await Promise.all(
      accounts.map((email, a) =>
        parallelFailures(20, (i) =>
          login(email, `wrong-${i}`, { 'cf-connecting-ip': `198.51.${100 + a}.${i}` }),
        ),
      ),
    )
    for (const [a, email] of accounts.entries()) {
      expect(checked[a]).toBeGreaterThan(0)
      expect(checked[a]).toBeLessThanOrEqual(2)
      const row = await env.DB.prepare('SELECT failures FROM login_throttle WHERE scope = ?1')
        .bind(`email:${email}`)
        .first<{ failures: number }>()
      expect(row?.failures).toBe(ACCOUNT_LIMITS.lockAfter - 2 + (checked[a] ?? 0))
    }
  }, 20_000)

  it('checks no more passwords from one address than its limit, however many at once', async () => {
    const addresses = ['203.0.113.70', '203.0.113.71', '203.0.113.72']
    for (const address of addresses) await nearLock(`ip:${address}`, ADDRESS_LIMITS.lockAfter)
    const checked = await Promise.all(
      addresses.map((address) =>
        parallelFailures(20, (i) =>
          login(`spray${i}@board.test`, 'wrong', { 'cf-connecting-ip': address }),
        ),
      ),
    )
    for (const n of checked) expect(n).toBeLessThanOrEqual(2)
  }, 20_000)

  it('locks an account everywhere, more slowly, when guesses come from many addresses', async () => {
    await newAccount('spread@board.test')
    await nearLock('email:spread@board.test', ACCOUNT_LIMITS.lockAfter)
    for (const n of [1, 2]) {
      const res = await login('spread@board.test', 'guess', { 'cf-connecting-ip': `192.0.2.${n}` })
      expect(res.status).toBe(401)
      await env.DB.prepare(
        "UPDATE login_throttle SET last_failure_at = last_failure_at - 120000 WHERE scope = 'email:spread@board.test'",
      ).run()
    }
    const owner = await login('spread@board.test', TEST_PASSWORD, {
      'cf-connecting-ip': '192.0.2.99',
    })
    expect(owner.status).toBe(423)
    expect(owner.body.error.message).toContain('this account is locked')
  })

  it('locks a client address that tries many accounts', async () => {
    const headers = { 'cf-connecting-ip': '203.0.113.9' }
    await nearLock('ip:203.0.113.9', ADDRESS_LIMITS.lockAfter)
    expect((await login('a0@board.test', 'x', headers)).status).toBe(401)
    await env.DB.prepare(
      "UPDATE login_throttle SET last_failure_at = last_failure_at - 120000 WHERE scope = 'ip:203.0.113.9'",
    ).run()
    expect((await login('a1@board.test', 'x', headers)).status).toBe(401)
    const locked = await login('member@board.test', TEST_PASSWORD, headers)
    expect(locked.status).toBe(423)
    expect(locked.body.error.message).toContain('your address')
    expect((await login('member@board.test', TEST_PASSWORD)).status).toBe(200)
    // 32 sign-ins, each a full PBKDF2: seconds on a busy shared machine.
  }, 30_000)

  it('stores PBKDF2-SHA256 hashes at no more iterations than Cloudflare accepts', async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000)
    await newAccount('hash@board.test')
    const row = await env.DB.prepare(
      "SELECT password_hash FROM users WHERE email = 'hash@board.test'",
    ).first<{
      password_hash: string
    }>()
    const [algorithm, iterations, salt, hash] = row?.password_hash.split('$') ?? []
    expect(algorithm).toBe('pbkdf2-sha256')
    expect(Number(iterations)).toBe(PBKDF2_ITERATIONS)
    expect(atob(salt ?? '').length).toBe(16)
    expect(atob(hash ?? '').length).toBe(32)
    const other = await env.DB.prepare(
      "SELECT password_hash FROM users WHERE email = 'admin@board.test'",
    ).first<{
      password_hash: string
    }>()
    expect(other?.password_hash.split('$')[2]).not.toBe(salt)
  })
})

describe('passwords', () => {
  it('refuses weak ones when an account is created or its password is set, saying why', async () => {
    const cases: [string, RegExp][] = [
      ['password', /at least 10/],
      ['12345678', /at least 10/],
      [' '.repeat(10), /at least 10/],
      ['weak.user@board.test', /e-mail/],
      ['Qwertyuiop', /most common/],
      ['Password2024!', /most common/],
    ]
    for (const [password, why] of cases) {
      const res = await api('/users', {
        method: 'POST',
        json: { email: 'weak.user@board.test', name: 'Weak', role: 'viewer', password },
      })
      expect(res.status, password).toBe(422)
      expect(res.body.error.fields.password[0]).toMatch(why)
    }
    const user = await newAccount('strong.user@board.test', 'viewer')
    const reset = await api(`/users/${user.id}`, {
      method: 'PATCH',
      json: { version: user.version, password: 'Football2024' },
    })
    expect(reset.status).toBe(422)
    expect(reset.body.error.fields.password[0]).toMatch(/most common/)
    expect((await login('strong.user@board.test', TEST_PASSWORD)).status).toBe(200)
  })
})

describe('sessions', () => {
  it('ends at sign-out', async () => {
    const cookie = await signIn('viewer@board.test', TEST_PASSWORD)
    expect((await api('/auth/me', { as: { cookie } })).status).toBe(200)
    expect((await api('/auth/logout', { as: { cookie }, method: 'POST' })).status).toBe(204)
    expect((await api('/auth/me', { as: { cookie } })).status).toBe(401)
  })

  it('expires after the idle limit and after the absolute limit', async () => {
    const idle = await signIn('viewer@board.test', TEST_PASSWORD)
    await env.DB.prepare(
      'UPDATE sessions SET last_seen_at = last_seen_at - ?1 WHERE revoked_at IS NULL AND user_id = ?2',
    )
      .bind(13 * 3_600_000, 'u-viewer')
      .run()
    expect((await api('/auth/me', { as: { cookie: idle } })).status).toBe(401)

    const old = await signIn('viewer@board.test', TEST_PASSWORD)
    await env.DB.prepare('UPDATE sessions SET expires_at = ?1 WHERE user_id = ?2')
      .bind(Date.now() - 1, 'u-viewer')
      .run()
    expect((await api('/auth/me', { as: { cookie: old } })).status).toBe(401)
  })

  it('can be revoked by an admin', async () => {
    const cookie = await signIn('viewer@board.test', TEST_PASSWORD)
    const sessions = (await api('/sessions?userId=u-viewer')).body.sessions
    expect(sessions.length).toBeGreaterThan(0)
    for (const s of sessions)
      expect((await api(`/sessions/${s.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api('/auth/me', { as: { cookie } })).status).toBe(401)
  })

  it('ends when an admin deactivates the account or sets a new password', async () => {
    const user = await newAccount('temp@board.test', 'viewer')
    const cookie = await signIn('temp@board.test', TEST_PASSWORD)
    const res = await api(`/users/${user.id}`, {
      method: 'PATCH',
      json: { version: 1, password: 'another-pass-2' },
    })
    expect(res.status).toBe(200)
    expect((await api('/auth/me', { as: { cookie } })).status).toBe(401)
    expect(
      (await login('temp@board.test', TEST_PASSWORD, { 'cf-connecting-ip': '192.0.2.7' })).status,
    ).toBe(401)
    expect((await login('temp@board.test', 'another-pass-2')).status).toBe(200)
  })
})

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated write from another origin', async () => {
    const cookie = await signIn('member@board.test', TEST_PASSWORD)
    const body = JSON.stringify({ name: 'Evil', company: 'Evil', tier: 'C', stageId: 'kickoff' })
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { origin: '' },
    ]
    for (const headers of attempts) {
      const res = await fetchWorker('/api/clients', {
        method: 'POST',
        headers: { ...headers, cookie, 'content-type': 'application/json' },
        body,
      })
      expect(res.status).toBe(403)
    }
    const count = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM clients WHERE name = 'Evil'",
    ).first()
    expect(count?.n).toBe(0)
    const ok = await fetchWorker('/api/clients', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', cookie, 'content-type': 'application/json' },
      body,
    })
    expect(ok.status).toBe(201)
  })

  it('refuses a sign-in posted from another site', async () => {
    const res = await login('member@board.test', TEST_PASSWORD, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})

describe('API tokens', () => {
  it('are shown once, stored hashed, scoped, recorded when used, and revocable', async () => {
    const created = await api('/tokens', {
      method: 'POST',
      json: { name: 'CRM sync', scope: 'read' },
    })
    expect(created.status).toBe(201)
    const token = created.body.token as string
    expect(token).toMatch(/^jb_[A-Za-z0-9_-]{43}$/)
    const stored = await env.DB.prepare('SELECT token_hash FROM api_tokens WHERE id = ?1')
      .bind(created.body.id)
      .first()
    expect(stored?.token_hash).not.toContain(token)
    expect(JSON.stringify((await api('/tokens')).body)).not.toContain(token)

    expect((await api('/clients', { as: { token } })).status).toBe(200)
    const write = await api('/clients', {
      as: { token },
      method: 'POST',
      json: { name: 'A', company: 'B', tier: 'C', stageId: 'kickoff' },
    })
    expect(write.status).toBe(403)
    expect(write.body.error.message).toMatch(/^This API token is read-only: it cannot /)
    expect(write.body.error.message).not.toContain('viewer')
    const listed = (await api('/tokens')).body.tokens.find(
      (t: { id: string }) => t.id === created.body.id,
    )
    expect(listed.lastUsedAt).toEqual(expect.any(String))

    const writer = await api('/tokens', { method: 'POST', json: { name: 'Forms', scope: 'write' } })
    const made = await api('/clients', {
      as: { token: writer.body.token },
      method: 'POST',
      headers: { origin: 'https://elsewhere.example' },
      json: { name: 'From a form', company: 'АО «Форма»', tier: 'C', stageId: 'inbound-lead' },
    })
    expect(made.status).toBe(201)
    const assign = await api(`/clients/${made.body.id}`, {
      as: { token: writer.body.token },
      method: 'PATCH',
      json: { version: 1, people: { sales: 't-member' }, reason: 'Form lead' },
    })
    expect(assign.status).toBe(403)

    expect((await api(`/tokens/${created.body.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api('/clients', { as: { token } })).status).toBe(401)
    expect((await api('/clients', { as: { token: 'jb_forged' } })).status).toBe(401)
  })
})

describe('responses', () => {
  it('never contain a password hash or a password', async () => {
    const bodies = [
      (await login('admin@board.test', TEST_PASSWORD)).body,
      (await api('/auth/me')).body,
      (await api('/users')).body,
      (
        await api('/users', {
          method: 'POST',
          json: { email: 'leak@board.test', name: 'L', role: 'viewer', password: 'secret-pass-9' },
        })
      ).body,
      (await api('/members')).body,
      (await api('/sessions')).body,
    ]
    for (const body of bodies) {
      const text = JSON.stringify(body)
      expect(text).not.toMatch(/pbkdf2|password|secret-pass-9|test-password/i)
    }
  })

  it('carry the security headers, on pages as well as the API', async () => {
    const navigate = { 'sec-fetch-mode': 'navigate', accept: 'text/html' }
    for (const path of ['/api/health', '/', '/board/some/deep/link']) {
      const res = await fetchWorker(path, { headers: navigate })
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    }
    const page = await fetchWorker('/board/some/deep/link', { headers: navigate })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="app">')
  })
})
