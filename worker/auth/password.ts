import { fromBase64, randomBytes, toBase64 } from './crypto'

/**
 * PBKDF2-SHA256 cost. 100,000 is the most Cloudflare's runtime accepts (higher throws there,
 * though local workerd does not enforce it): raise it only when the platform does.
 */
export const PBKDF2_ITERATIONS = 100_000
const ALGORITHM = 'pbkdf2-sha256'

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  )
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  )
  return new Uint8Array(bits)
}

/**
 * The Workers runtime's compare, in time that depends only on the length (it throws on unequal
 * lengths). Spelled out because the Node-side type check (tsconfig.node.json, for the scripts
 * that hash passwords) sees Node's SubtleCrypto, which lacks this Workers extension.
 */
const timingSafeEqual = (a: Uint8Array, b: Uint8Array) =>
  (
    crypto.subtle as SubtleCrypto & {
      timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean
    }
  ).timingSafeEqual(a, b)

/** `pbkdf2-sha256$<iterations>$<salt>$<hash>`: the cost travels with the hash, so it can grow. */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS) {
  const salt = randomBytes(16)
  const hash = await derive(password, salt, iterations)
  return `${ALGORITHM}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`
}

/** Checks a password; `rehash` says the stored hash uses an older cost and should be replaced. */
export async function verifyPassword(
  password: string,
  stored: string | null,
): Promise<{ ok: boolean; rehash: boolean }> {
  const [algorithm, iterationsText, salt, hash] = (stored ?? '').split('$')
  const iterations = Number(iterationsText)
  if (algorithm !== ALGORITHM || !salt || !hash || !Number.isInteger(iterations)) {
    // Same work as a real check, so an unknown account is not told apart by timing.
    await derive(password, randomBytes(16), PBKDF2_ITERATIONS)
    return { ok: false, rehash: false }
  }
  const derived = await derive(password, fromBase64(salt), iterations)
  const expected = fromBase64(hash)
  const ok = derived.length === expected.length && timingSafeEqual(derived, expected)
  return { ok, rehash: ok && iterations !== PBKDF2_ITERATIONS }
}
