import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../setup/accounts'
import { api, fetchWorker, signIn } from './helpers'
import { newLead, newMember } from './team-helpers'

// A suggestion reads a cookie's session in its one D1 batch: these prove the caller is let in
// or turned away as on every other route, and that a lead still ranks only their own team.

const ask = { tier: 'B', score: 60, roleId: 'account_manager' }

async function suggestWith(cookie: string, headers: Record<string, string> = {}) {
  const res = await fetchWorker('/api/assignments/suggest', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(ask),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

describe('a suggestion by session cookie', () => {
  it('ranks only the lead’s team and keeps the session alive', async () => {
    const lead = await newLead()
    const mine = await newMember('senior', lead.memberId)
    const outsider = await newMember('senior', null)
    const cookie = (lead.as as { cookie: string }).cookie
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ?1 WHERE revoked_at IS NULL')
      .bind(Date.now() - 120_000)
      .run()
    const res = await suggestWith(cookie)
    expect(res.status).toBe(200)
    const ranked = (res.body.candidates as { memberId: string }[]).map((k) => k.memberId)
    expect(ranked).toContain(mine)
    expect(ranked).not.toContain(outsider)
    const seen = await env.DB.prepare(
      'SELECT MAX(s.last_seen_at) AS at FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.member_id = ?1',
    )
      .bind(lead.memberId)
      .first<number>('at')
    expect(seen).toBeGreaterThan(Date.now() - 60_000)
  })

  it('refuses a signed-out session with 401', async () => {
    const cookie = await signIn('lead@board.test', TEST_PASSWORD)
    expect((await api('/auth/logout', { as: { cookie }, method: 'POST' })).status).toBe(204)
    const refused = await suggestWith(cookie)
    expect(refused.status).toBe(401)
    expect(refused.body.error.code).toBe('unauthenticated')
    expect(refused.body).not.toHaveProperty('candidates')
  })

  it('refuses a member, who may not assign, with 403', async () => {
    const refused = await suggestWith(await signIn('member@board.test', TEST_PASSWORD))
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('forbidden')
  })

  it('refuses a request from another site that carries a valid cookie', async () => {
    const cookie = await signIn('admin@board.test', TEST_PASSWORD)
    const refused = await suggestWith(cookie, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('cross_site')
  })

  it('turns a signed-out caller away before it looks at the request', async () => {
    const cookie = await signIn('admin@board.test', TEST_PASSWORD)
    expect((await api('/auth/logout', { as: { cookie }, method: 'POST' })).status).toBe(204)
    // An unknown client would be a 404 to a signed-in admin: a stranger learns nothing of it.
    const res = await fetchWorker('/api/assignments/suggest', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'no-such-client', roleId: 'account_manager' }),
    })
    expect(res.status).toBe(401)
  })
})
