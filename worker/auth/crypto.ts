const encoder = new TextEncoder()

export const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
export const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))
export const toBase64Url = (bytes: Uint8Array) =>
  toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** `bytes` cryptographically random bytes. */
export const randomBytes = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes))

/** A secret for a cookie or an API token: 256 random bits, URL-safe. */
export const newSecret = (prefix = '') => prefix + toBase64Url(randomBytes(32))

/** What we store instead of a secret: its SHA-256, hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
}
