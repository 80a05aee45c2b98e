/** Claims of a Cloudflare Access identity token that we rely on. */
export interface AccessClaims {
  email: string
  aud: string | string[]
  iss: string
  exp: number
  nbf?: number
}

const decoder = new TextDecoder()
const fromBase64Url = (part: string) =>
  Uint8Array.from(atob(part.replaceAll('-', '+').replaceAll('_', '/')), (ch) => ch.charCodeAt(0))
const decodeJson = (part: string): unknown => JSON.parse(decoder.decode(fromBase64Url(part)))

/**
 * Verifies a `Cf-Access-Jwt-Assertion` (RS256) against the team's public keys and returns its
 * claims, or null when the signature, audience, issuer or time window does not hold.
 */
export async function verifyAccessJwt(
  token: string,
  keys: JsonWebKey[],
  expected: { audience: string; issuer: string; now: number },
): Promise<AccessClaims | null> {
  const [headerPart, payloadPart, signaturePart] = token.split('.')
  if (!headerPart || !payloadPart || !signaturePart) return null
  try {
    const header = decodeJson(headerPart) as { alg?: string; kid?: string }
    if (header.alg !== 'RS256') return null
    const jwk =
      keys.find((k) => (k as { kid?: string }).kid === header.kid) ??
      (keys.length === 1 ? keys[0] : undefined)
    if (!jwk) return null
    const key = await crypto.subtle.importKey(
      'jwk',
      jwk,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    )
    const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`)
    if (
      !(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, fromBase64Url(signaturePart), signed))
    ) {
      return null
    }
    const claims = decodeJson(payloadPart) as AccessClaims
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    const seconds = expected.now / 1000
    if (!audiences.includes(expected.audience) || claims.iss !== expected.issuer) return null
    if (!(claims.exp > seconds) || (claims.nbf !== undefined && claims.nbf > seconds + 60))
      return null
    return typeof claims.email === 'string' ? claims : null
  } catch {
    return null
  }
}

/** The team's signing keys, cached by the platform's cache (not in memory) for an hour. */
export async function accessKeys(teamDomain: string): Promise<JsonWebKey[]> {
  const url = `https://${teamDomain}/cdn-cgi/access/certs`
  const res = await fetch(url, { cf: { cacheTtl: 3600, cacheEverything: true } })
  if (!res.ok) return []
  const body = (await res.json()) as { keys?: JsonWebKey[] }
  return body.keys ?? []
}
