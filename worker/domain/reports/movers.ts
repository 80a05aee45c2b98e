/** A number the lead watches, this week and the week before. */
export interface WatchedNumber {
  key: string
  label: { ru: string; en: string }
  now: number
  before: number
  /** How to print it: a count, or a share shown as a percentage. */
  unit: 'count' | 'share'
}

/** How much a number moved: relative to where it was (from zero, by the size of the jump). */
export const moved = (n: WatchedNumber) =>
  Math.abs(n.now - n.before) / Math.max(Math.abs(n.before), n.unit === 'share' ? 0.01 : 1)

/** The `count` numbers that moved most, largest move first; unmoved numbers never make the list. */
export function topMovers(numbers: readonly WatchedNumber[], count = 5): WatchedNumber[] {
  return numbers
    .filter((n) => n.now !== n.before)
    .sort((a, b) => moved(b) - moved(a) || a.key.localeCompare(b.key))
    .slice(0, count)
}

const show = (n: WatchedNumber, v: number) =>
  n.unit === 'share' ? `${Math.round(v * 100)}%` : String(Math.round(v * 10) / 10)

/** One digest line: "Onboarding: cards 12 → 18 (+50%)". */
export function moverLine(n: WatchedNumber, lang: 'ru' | 'en'): string {
  const change =
    n.before === 0 ? '' : ` (${n.now > n.before ? '+' : '−'}${Math.round(moved(n) * 100)}%)`
  return `${n.label[lang]}: ${show(n, n.before)} → ${show(n, n.now)}${change}`
}
