/**
 * Which webhook URLs would point the Worker at a network it sits in rather than at the
 * internet: loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local,
 * multicast and reserved ranges, and names that only resolve inside a network. Pure: the
 * hostname is judged as the URL parser normalises it (so `2130706433`, `0x7f.1` and
 * `[::ffff:127.0.0.1]` are seen as the addresses they are). Names are not resolved here.
 */

/** [first address as a 32-bit number, prefix length] */
const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
]

const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home.arpa']

function v4ToNumber(address: string): number | null {
  const parts = address.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256)) {
    return null
  }
  return parts.reduce((n, p) => n * 256 + Number(p), 0)
}

function privateV4(n: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => {
    const size = 2 ** (32 - bits)
    const start = v4ToNumber(base) ?? 0
    return n >= start && n < start + size
  })
}

/** The eight 16-bit groups of a bracket-less IPv6 address, or null if it is not one. */
function v6Groups(address: string): number[] | null {
  const halves = address.split('::')
  if (halves.length > 2) return null
  const parse = (part: string) => (part === '' ? [] : part.split(':'))
  const head = parse(halves[0] ?? '')
  const tail = parse(halves[1] ?? '')
  const tailLast = tail.length > 0 ? tail : head
  const last = tailLast[tailLast.length - 1] ?? ''
  // A trailing dotted IPv4 part (the URL parser rewrites it, but be safe) counts as two groups.
  const v4 = last.includes('.') ? v4ToNumber(last) : null
  if (last.includes('.') && v4 === null) return null
  if (v4 !== null)
    tailLast.splice(tailLast.length - 1, 1, (v4 >>> 16).toString(16), (v4 & 0xffff).toString(16))
  if (!head.concat(tail).every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map(
    (g) => parseInt(g, 16),
  )
}

function privateV6(g: number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g6 = 0, g7 = 0] = g
  const zeroTo = (k: number) => g.slice(0, k).every((x) => x === 0)
  const embeddedV4 = g6 * 65536 + g7
  if (zeroTo(8)) return true // ::
  if (zeroTo(7) && g7 === 1) return true // ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
  if (zeroTo(5) && f === 0xffff) return privateV4(embeddedV4)
  if (zeroTo(6)) return privateV4(embeddedV4)
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) {
    return privateV4(embeddedV4)
  }
  if ((a & 0xfe00) === 0xfc00) return true // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80) return true // fe80::/10 link-local
  if ((a & 0xffc0) === 0xfec0) return true // fec0::/10 old site-local
  if ((a & 0xff00) === 0xff00) return true // multicast
  return false
}

/**
 * Why `url` must not be a webhook target, or null when it may be. Expects an http(s) URL the
 * schema has already accepted; anything unparsable is refused too.
 */
export function privateTargetReason(url: string): string | null {
  let hostname: string
  try {
    hostname = new URL(url).hostname.toLowerCase()
  } catch {
    return 'not a valid URL'
  }
  const name = hostname.replace(/\.$/, '')
  if (name.startsWith('[') && name.endsWith(']')) {
    const groups = v6Groups(name.slice(1, -1))
    if (!groups || privateV6(groups)) return 'a private, loopback or link-local IPv6 address'
    return null
  }
  const v4 = v4ToNumber(name)
  if (v4 !== null) {
    return privateV4(v4) ? 'a private, loopback or link-local IPv4 address' : null
  }
  if (name === 'localhost' || INTERNAL_SUFFIXES.some((s) => name.endsWith(s))) {
    return 'a name that only resolves inside a network'
  }
  if (!name.includes('.')) return 'a name without a domain, which only resolves inside a network'
  return null
}

/** WEBHOOK_ALLOW_PRIVATE switched on (self-hosted setups whose receivers live next door). */
export const allowsPrivateTargets = (setting: string | undefined) =>
  /^(1|true|yes|on)$/i.test(setting?.trim() ?? '')

/** Why the Worker refuses to send to `url` under this setting, or null when it may. */
export const refusedTarget = (url: string, allowPrivate: string | undefined) =>
  allowsPrivateTargets(allowPrivate) ? null : privateTargetReason(url)
