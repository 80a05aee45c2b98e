/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file:, …) is dropped. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lpar: '(',
  rpar: ')',
  sol: '/',
  bsol: '\\',
  period: '.',
  comma: ',',
  semi: ';',
  equals: '=',
  plus: '+',
  hyphen: '-',
  excl: '!',
  num: '#',
  quest: '?',
  commat: '@',
  percnt: '%',
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
}

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole
  })
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The URL as the most lenient reader could see it: entities and %-escapes decoded (repeatedly,
 * for double encoding), then every control, space and invisible character removed — browsers
 * drop tabs and newlines inside a scheme, and "java\tscript:" must not slip through.
 */
function probe(url: string): string {
  let s = url
  for (let i = 0; i < 4; i++) {
    const next = decodePercent(decodeEntities(s))
    if (next === s) break
    s = next
  }
  return s
    .replace(
      /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g,
      '',
    )
    .toLowerCase()
}

/**
 * The href to emit for a link target, or null when it must not become a link. Allowed:
 * http(s), mailto, and relative URLs; refused: every other scheme, however it is disguised
 * (entities, %-escapes, case, embedded whitespace or control characters). Relative URLs with a
 * colon before the first `/`, `?` or `#` are refused too: some reader could take it as a scheme.
 * The result is not yet HTML-escaped.
 */
export function safeHref(raw: string): string | null {
  const url = raw.trim()
  if (url === '' || url.length > 2048) return null
  const seen = probe(url)
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(seen)
  if (scheme) {
    if (!ALLOWED_SCHEMES.has(scheme[1] ?? '')) return null
  } else {
    const colon = seen.indexOf(':')
    const separator = seen.search(/[/?#]/)
    if (colon !== -1 && (separator === -1 || colon < separator)) return null
  }
  // Controls cannot appear in a URL; spaces are legal only escaped.
  return url.replace(/[\u0000-\u001f\u007f]/g, '').replaceAll(' ', '%20')
}
