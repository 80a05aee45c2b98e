import { describe, expect, it } from 'vitest'
import { ACCESS_AUDIENCE, ACCESS_TEAM } from '../setup/stand-ins'
import { accessKeyPair, signAccessToken } from '../setup/access-token'
import { api } from './helpers'

const issuer = `https://${ACCESS_TEAM}`

/** Publishes a fresh team key at the stand-in certs endpoint; returns its private half. */
async function rotateTeamKey(kid: string) {
  const { privateKey, jwk } = await accessKeyPair(kid)
  const res = await fetch(`${issuer}/cdn-cgi/access/certs`, {
    method: 'POST',
    body: JSON.stringify({ keys: [jwk] }),
  })
  expect(res.status).toBe(200)
  return privateKey
}

const claims = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  aud: [ACCESS_AUDIENCE],
  iss: issuer,
  exp: Math.floor(Date.now() / 1000) + 600,
  ...extra,
})

const me = (token: string) =>
  api('/auth/me', { as: 'anonymous', headers: { 'cf-access-jwt-assertion': token } })

describe('sign-in through Cloudflare Access', () => {
  it("signs in the account named by the team's signed identity header, with its role", async () => {
    const key = await rotateTeamKey('team-1')
    const res = await me(await signAccessToken(key, claims('lead@board.test'), 'team-1'))
    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({ email: 'lead@board.test', role: 'lead' })
  })

  it('lets an Access identity act within its role', async () => {
    const key = await rotateTeamKey('team-2')
    const token = await signAccessToken(key, claims('viewer@board.test'), 'team-2')
    const headers = { 'cf-access-jwt-assertion': token }
    expect((await api('/clients', { as: 'anonymous', headers })).status).toBe(200)
    const write = await api('/members', {
      as: 'anonymous',
      method: 'POST',
      headers,
      json: { name: 'Nobody', email: 'nobody.access@demo.test', grade: 'junior' },
    })
    expect(write.status).toBe(403)
  })

  it('refuses a header for no account here, for another audience, expired, or signed by another key', async () => {
    const key = await rotateTeamKey('team-3')
    const stranger = await accessKeyPair('team-3')
    const tokens = [
      await signAccessToken(key, claims('stranger@elsewhere.test'), 'team-3'),
      await signAccessToken(key, claims('admin@board.test', { aud: ['other-app'] }), 'team-3'),
      await signAccessToken(key, claims('admin@board.test', { exp: 1_000 }), 'team-3'),
      await signAccessToken(stranger.privateKey, claims('admin@board.test'), 'team-3'),
    ]
    for (const token of tokens) {
      const res = await me(token)
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('unauthenticated')
    }
  })
})
