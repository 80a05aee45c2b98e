import { describe, expect, it } from 'vitest'
import { verifyAccessJwt } from '../../worker/auth/access-jwt'
import {
  accessKeyPair as keyPair,
  jwtPart as part,
  signAccessToken as sign,
} from '../setup/access-token'

const team = 'https://acme.cloudflareaccess.com'
const audience = 'aud-123'
const now = Date.UTC(2026, 10, 23, 9)

const valid = { email: 'lead@acme.ru', aud: [audience], iss: team, exp: now / 1000 + 600 }

describe('Cloudflare Access identity tokens', () => {
  it('accept a token signed by the team key for our audience', async () => {
    const { privateKey, jwk } = await keyPair()
    const claims = await verifyAccessJwt(await sign(privateKey, valid), [jwk], {
      audience,
      issuer: team,
      now,
    })
    expect(claims?.email).toBe('lead@acme.ru')
  })

  it('refuse another key, audience, issuer, an expired or a tampered token', async () => {
    const { privateKey, jwk } = await keyPair()
    const other = await keyPair()
    const expected = { audience, issuer: team, now }
    const good = await sign(privateKey, valid)
    const [h, , s] = good.split('.')
    const cases = [
      verifyAccessJwt(good, [other.jwk], expected),
      verifyAccessJwt(await sign(privateKey, { ...valid, aud: ['someone-else'] }), [jwk], expected),
      verifyAccessJwt(
        await sign(privateKey, { ...valid, iss: 'https://evil.example' }),
        [jwk],
        expected,
      ),
      verifyAccessJwt(await sign(privateKey, { ...valid, exp: now / 1000 - 1 }), [jwk], expected),
      verifyAccessJwt(`${h}.${part({ ...valid, email: 'admin@acme.ru' })}.${s}`, [jwk], expected),
      verifyAccessJwt('not-a-jwt', [jwk], expected),
    ]
    expect(await Promise.all(cases)).toEqual([null, null, null, null, null, null])
  })
})
