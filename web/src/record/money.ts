/**
 * Money as typed → minor units (kopecks): "1 500 000,50" or "1500000.5" → 150000050. Spaces
 * (thin and non-breaking too) group digits; a comma or a point marks at most two decimals.
 * Empty is null; anything else is 'invalid'. No floats: the digits are joined as text.
 */
export function parseMoney(typed: string): number | null | 'invalid' {
  const text = typed.replace(/[\s\u00a0\u202f]/g, '')
  if (text === '') return null
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(text)
  if (!match) return 'invalid'
  const minor = Number(`${match[1]}${(match[2] ?? '').padEnd(2, '0')}`)
  return Number.isSafeInteger(minor) && minor <= 1_000_000_000_000 ? minor : 'invalid'
}

/** Minor units as the form shows them back: "1500000.50" style without grouping, or ''. */
export function moneyInput(minor: number | null): string {
  if (minor === null) return ''
  const whole = Math.floor(minor / 100)
  const cents = minor % 100
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`
}

/** Minor units in the reader's locale and the client's currency ("1 500 000 ₽"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const whole = minor % 100 === 0
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(minor / 100)
}

/** Minutes as "2 h 30 min" pieces, for the reader's language. */
export function hoursAndMinutes(minutes: number): { h: number; m: number } {
  return { h: Math.floor(minutes / 60), m: minutes % 60 }
}
