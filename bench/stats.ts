import { readFileSync } from 'node:fs'

/** Percentile by nearest rank over a copy (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export const median = (values: readonly number[]) => percentile(values, 50)

export interface Summary {
  n: number
  p50: number
  p95: number
  max: number
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
  }
}

/** Rounded to `places` decimals: enough for milliseconds, readable in JSON. */
export const round = (x: number, places = 2) => {
  const f = 10 ** places
  return Math.round(x * f) / f
}

export const ms = (x: number) =>
  Number.isFinite(x) ? (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`) : '–'
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 1) : Number.NaN)

/** The 1-minute load average: other engineers' runs share these cores. */
export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
  } catch {
    return Number.NaN
  }
}
