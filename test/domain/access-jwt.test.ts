import { describe, expect, it } from 'vitest'
import { verifyAccessJwt } from '../../worker/auth/access-jwt'
import { toBase64Url } from '../../worker/auth/crypto'

const team = 'https://acme.cloudflareaccess.com'
const audience = 'aud-123'
const now = Date.UTC(2026, 10, 23, 9)

const part = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)))

async function keyPair() {
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey
  return { privateKey: pair.privateKey, jwk: { ...jwk, kid: 'k1' } }
}

async function sign(privateKey: CryptoKey, claims: Record<string, unknown>) {
  const unsigned = `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}`
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    privateKey,
    new TextEncoder().encode(unsigned),
  )
  return `${unsigned}.${toBase64Url(new Uint8Array(signature))}`
}

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
