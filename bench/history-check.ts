/**
 * After the load: every moved card's history must account for each of its versions. Each
 * version 2..v has exactly one move event (moved, reordered or returned) — none missing (a lost
 * move), none twice (a move applied twice) — and every version a 200 answer reported is there.
 */
import { getJson, type Session } from './http'
import type { MoveCard } from './moves'

const MOVES = new Set(['moved', 'reordered', 'returned'])

interface Event {
  kind: string
  version: number
}

export interface HistoryCheck {
  cards: number
  versionsChecked: number
  lost: string[]
  duplicated: string[]
  /** Versions that two 200 answers both reported, or a 200 reported that history lacks. */
  disputed: string[]
  ok: boolean
}

export async function checkHistories(s: Session, cards: MoveCard[]): Promise<HistoryCheck> {
  const lost: string[] = []
  const duplicated: string[] = []
  const disputed: string[] = []
  let versionsChecked = 0
  for (const card of cards) {
    const { version } = await getJson<{ version: number }>(s, `/api/clients/${card.id}`)
    const events: Event[] = []
    // The history comes a page at a time: follow the cursor to the first event.
    for (let before: number | null = null, first = true; first || before !== null; first = false) {
      const page: { events: Event[]; next: number | null } = await getJson(
        s,
        `/api/clients/${card.id}/history?limit=200${before === null ? '' : `&before=${before}`}`,
      )
      events.push(...page.events)
      before = page.next
    }
    const moves = new Map<number, number>()
    for (const e of events)
      if (MOVES.has(e.kind)) moves.set(e.version, (moves.get(e.version) ?? 0) + 1)
    for (let v = 2; v <= version; v += 1) {
      versionsChecked += 1
      const n = moves.get(v) ?? 0
      if (n === 0) lost.push(`${card.id}@${v}`)
      if (n > 1) duplicated.push(`${card.id}@${v}×${n}`)
    }
    for (const v of moves.keys()) if (v > version || v < 2) duplicated.push(`${card.id}@${v}?`)
    const won = new Set<number>()
    for (const v of card.won) {
      if (won.has(v) || !moves.has(v)) disputed.push(`${card.id}@${v}`)
      won.add(v)
    }
  }
  return {
    cards: cards.length,
    versionsChecked,
    lost,
    duplicated,
    disputed,
    ok: lost.length + duplicated.length + disputed.length === 0,
  }
}
