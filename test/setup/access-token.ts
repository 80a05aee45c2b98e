import { toBase64Url } from '../../worker/auth/crypto'

/** A JWT part: base64url of the JSON. */
export const jwtPart = (value: unknown) =>
  toBase64Url(new TextEncoder().encode(JSON.stringify(value)))

/** A fresh RS256 key pair like an Access team's; the public half as a JWK with its `kid`. */
export async function accessKeyPair(kid = 'k1') {
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
  return { privateKey: pair.privateKey, jwk: { ...jwk, kid } }
}

/** A `Cf-Access-Jwt-Assertion` as Access would send it: RS256 over the claims. */
export async function signAccessToken(
  privateKey: CryptoKey,
  claims: Record<string, unknown>,
  kid = 'k1',
) {
  const unsigned = `${jwtPart({ alg: 'RS256', kid })}.${jwtPart(claims)}`
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    privateKey,
    new TextEncoder().encode(unsigned),
  )
  return `${unsigned}.${toBase64Url(new Uint8Array(signature))}`
}
