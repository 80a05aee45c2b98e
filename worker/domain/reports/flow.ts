import type { Tier } from '../../../schema/clients'

/** Cards in a stage of one tier at the end of a local day, and how many came in that day. */
export interface FlowRow {
  day: string
  stageId: string
  tier: Tier
  cards: number
  entered: number
  enteredPhase: number
}

/** One day's change for a stage and tier, from the events of that day. */
export interface FlowDelta {
  day: string
  stageId: string
  tier: Tier
  delta: number
  entered: number
  enteredPhase: number
}

const key = (stageId: string, tier: string) => `${stageId}\u0000${tier}`

/** The local dates from `first` to `last`, inclusive ("YYYY-MM-DD"). */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

/**
 * Rolls the cards per stage and tier forward day by day: each day's count is the day before's
 * plus that day's deltas. Rows of all zeroes are left out (the table stores only what is there).
 */
export function accumulateFlow(
  base: readonly { stageId: string; tier: Tier; cards: number }[],
  deltas: readonly FlowDelta[],
  days: readonly string[],
): FlowRow[] {
  const cards = new Map<string, { stageId: string; tier: Tier; cards: number }>()
  for (const b of base) cards.set(key(b.stageId, b.tier), { ...b })
  const byDay = new Map<string, FlowDelta[]>()
  for (const d of deltas) byDay.set(d.day, [...(byDay.get(d.day) ?? []), d])
  const rows: FlowRow[] = []
  for (const day of days) {
    const entered = new Map<string, FlowDelta>()
    for (const d of byDay.get(day) ?? []) {
      const k = key(d.stageId, d.tier)
      const c = cards.get(k) ?? { stageId: d.stageId, tier: d.tier, cards: 0 }
      c.cards += d.delta
      cards.set(k, c)
      entered.set(k, d)
    }
    for (const [k, c] of cards) {
      const e = entered.get(k)
      if (c.cards === 0 && !e?.entered) continue
      rows.push({
        day,
        stageId: c.stageId,
        tier: c.tier,
        cards: c.cards,
        entered: e?.entered ?? 0,
        enteredPhase: e?.enteredPhase ?? 0,
      })
    }
  }
  return rows
}

/** Cards per stage and tier after all the given deltas (the state before the first stored day). */
export function sumDeltas(deltas: readonly FlowDelta[]) {
  const sums = new Map<string, { stageId: string; tier: Tier; cards: number }>()
  for (const d of deltas) {
    const k = key(d.stageId, d.tier)
    const s = sums.get(k) ?? { stageId: d.stageId, tier: d.tier, cards: 0 }
    s.cards += d.delta
    sums.set(k, s)
  }
  return [...sums.values()]
}

/**
 * Cards per group at the end of each day from per-day changes: day `i` of `days` is
 * `firstDay + i` (days since the epoch); each value is the running sum of the changes up to it.
 */
export function cumulate(
  deltas: readonly { d: number; key: string; delta: number }[],
  firstDay: number,
  days: number,
  keys: readonly string[],
): Map<string, number[]> {
  const out = new Map(keys.map((k) => [k, Array.from({ length: days }, () => 0)]))
  for (const x of deltas) {
    const values = out.get(x.key)
    const i = x.d - firstDay
    if (!values || i < 0 || i >= days) continue
    values[i] = (values[i] ?? 0) + x.delta
  }
  for (const values of out.values()) {
    for (let i = 1; i < values.length; i += 1) values[i] = (values[i] ?? 0) + (values[i - 1] ?? 0)
  }
  return out
}
