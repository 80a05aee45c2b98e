/** How loaded someone is: green below the lower threshold, amber up to full, red beyond. */
export type LoadLevel = 'ok' | 'busy' | 'over' | 'none'

export interface LoadThresholds {
  /** Below this a member has room (0.7 = 70%). */
  underloadedBelow: number
  /** Above this a member is overloaded (1 = 100%). */
  overloadedAbove: number
}

export const DEFAULT_THRESHOLDS: LoadThresholds = { underloadedBelow: 0.7, overloadedAbove: 1 }

/** The shortest track a bar has, as utilisation: 150%, so the 100% mark sits at two thirds. */
export const BAR_SCALE = 1.5
/** The longest: beyond 300% a bar ends in a notch rather than squeezing everyone else. */
export const BAR_SCALE_MAX = 3

/**
 * One track length for all the bars shown together, so they compare: the highest value rounded
 * up to the next 50%, between {@link BAR_SCALE} and {@link BAR_SCALE_MAX}.
 */
export function barScale(values: readonly (number | null)[]): number {
  const top = Math.max(0, ...values.map((v) => (v !== null && Number.isFinite(v) ? v : 0)))
  return Math.min(BAR_SCALE_MAX, Math.max(BAR_SCALE, Math.ceil(top * 2) / 2))
}

/** Whole percents decide the colour, so a bar and the number printed next to it agree. */
const wholePercent = (u: number) => Math.round(u * 100)

/** The colour band of a utilisation; without a capacity (null) there is none. */
export function loadLevel(
  utilization: number | null,
  thresholds: LoadThresholds = DEFAULT_THRESHOLDS,
): LoadLevel {
  if (utilization === null) return 'none'
  const pct = wholePercent(utilization)
  if (pct > wholePercent(thresholds.overloadedAbove)) return 'over'
  if (pct >= wholePercent(thresholds.underloadedBelow)) return 'busy'
  return 'ok'
}

/** Where on the bar a utilisation ends, in percent of its width (0–100). */
export function barPosition(utilization: number, scale = BAR_SCALE): number {
  if (!Number.isFinite(utilization) || utilization <= 0) return 0
  return Math.min(100, (utilization / scale) * 100)
}

const cache = new Map<string, Intl.NumberFormat>()
function formatter(locale: string, kind: 'percent' | 'points'): Intl.NumberFormat {
  const key = `${locale}:${kind}`
  let found = cache.get(key)
  if (!found) {
    found =
      kind === 'percent'
        ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
    cache.set(key, found)
  }
  return found
}

/** A fraction as a percentage in the user's language: 0.77 → "77 %" (ru), "77%" (en). */
export function formatPercent(locale: string, fraction: number | null): string {
  return fraction === null ? '—' : formatter(locale, 'percent').format(fraction)
}

/** Load points to one decimal: 12.25 → "12,3" (ru). */
export function formatPoints(locale: string, points: number): string {
  return formatter(locale, 'points').format(points)
}

/** A local date "YYYY-MM-DD" as a short day ("23 нояб."), never shifted by the time zone. */
export function formatDay(locale: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m || !d) return date
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(
    new Date(y, m - 1, d),
  )
}

/** An inclusive stretch of local dates: one day, or "1–5 дек."-style from / to. */
export function formatDays(locale: string, from: string, to: string): string {
  return from === to
    ? formatDay(locale, from)
    : `${formatDay(locale, from)} – ${formatDay(locale, to)}`
}
