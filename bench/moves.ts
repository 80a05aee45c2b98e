/**
 * Moves under concurrency: each connection sends a move carrying the version its card last
 * answered, as the board does: session cookie, Origin, and no Idempotency-Key (the board sends
 * one only to retry a move whose answer was lost); `keyed` loads send a fresh key with every
 * move, as an API client may. A 409 is the intended answer to a move made on a stale version;
 * anything else but 200 is a finding.
 */
import { randomUUID } from 'node:crypto'
import { boardHeaders, getJson, type Session } from './http'
import { percentile, round } from './stats'

/** A card the load moves back and forth between two stages without WIP limits. */
export interface MoveCard {
  id: string
  stageId: string
  stages: [string, string]
  version: number
  /** Every version a 200 answer reported: no two answers may report the same one. */
  won: number[]
}

interface Stage {
  id: string
  wipLimit: number | null
}

interface CardRow {
  id: string
  stageId: string
  version: number
  dueAt: string | null
}

/** `n` cards spread over the board, each between its stage and the next, both unlimited. */
export function pickMoveCards(cards: CardRow[], stages: Stage[], n: number, now: number) {
  const next = new Map<string, string>()
  stages.forEach((s, i) => {
    const after = stages[i + 1]
    if (after && s.wipLimit === null && after.wipLimit === null) next.set(s.id, after.id)
  })
  const fit = cards.filter(
    (c) => next.has(c.stageId) && c.dueAt !== null && Date.parse(c.dueAt) > now + 3_600_000,
  )
  const step = Math.max(1, Math.floor(fit.length / n))
  return fit
    .filter((_, i) => i % step === 0)
    .slice(0, n)
    .map((c): MoveCard => ({
      id: c.id,
      stageId: c.stageId,
      stages: [c.stageId, next.get(c.stageId) ?? c.stageId],
      version: c.version,
      won: [],
    }))
}

export interface MoveLoad {
  connections: number
  /** Distinct cards the moves went to (1: all connections race on one card). */
  cards: number
  durationS: number
  requests: number
  throughputRps: number
  p50: number
  p97_5: number
  p99: number
  max: number
  statuses: Record<string, number>
  /** The first few answers that were neither 200 nor 409, for the report. */
  unexpected: string[]
  errors: number
  timeouts: number
}

/**
 * What wrangler dev's own proxy answers a POST with when its connection to the Worker fails (it
 * retries only GET and HEAD). Seen under sustained overload on these shared cores, with no reload
 * logged; the Worker itself never answered it. Counted apart from the Worker's 5xx.
 */
export const DEV_PROXY_503 = 'Your worker restarted mid-request.'

interface Seen {
  version: number
  stageId: string
}

/** A move not answered by then is counted as a timeout, and its card's version read again. */
const TIMEOUT_MS = 30_000

/**
 * Cards lent to one move at a time: a connection that finds none free waits in line for the
 * next one returned, so no two moves are ever in flight on one card, whatever the counts.
 */
class CardQueue {
  private readonly free: MoveCard[]
  private readonly waiting: ((card: MoveCard) => void)[] = []
  constructor(cards: MoveCard[]) {
    this.free = [...cards]
  }
  take(): Promise<MoveCard> {
    const card = this.free.shift()
    return card ? Promise.resolve(card) : new Promise((resolve) => this.waiting.push(resolve))
  }
  give(card: MoveCard) {
    const next = this.waiting.shift()
    if (next) next(card)
    else this.free.push(card)
  }
}

/**
 * Runs the load for `durationS` seconds over `connections` concurrent keep-alive connections.
 * Several cards: each move takes a card no other move holds and returns it with its answer (with
 * fewer cards than connections, the rest wait their turn), so every move carries the card's
 * current version and a 409 there would be a bug. One card: every connection races on it.
 * A move lost to a timeout or a dropped connection leaves its card's version in doubt: the card
 * is read back before it is lent again. A hand-written loop rather than autocannon: autocannon
 * issues a connection's next request after a timeout without telling which request was lost,
 * so its card could never be returned (the old harness ran dry: "more requests in flight").
 */
export async function moveLoad(
  s: Session,
  cards: MoveCard[],
  connections: number,
  durationS: number,
  keyed = false,
): Promise<MoveLoad> {
  const race = cards.length === 1 ? cards[0] : undefined
  const queue = new CardQueue(cards)
  const statuses: Record<string, number> = {}
  const unexpected: string[] = []
  const latencies: number[] = []
  let errors = 0
  let timeouts = 0
  const started = performance.now()
  const end = started + durationS * 1000

  const answer = (card: MoveCard, status: number, body: string) => {
    const key =
      status === 409
        ? `409 ${/"code":"(\w+)"/.exec(body)?.[1] ?? ''}`
        : status === 503 && body.startsWith(DEV_PROXY_503)
          ? '503 dev-proxy'
          : `${status}`
    statuses[key] = (statuses[key] ?? 0) + 1
    if (status !== 200 && status !== 409 && unexpected.length < 5) {
      unexpected.push(`${status} ${body.slice(0, 300)}`)
    }
    let parsed: { version?: number; stageId?: string; current?: Seen } = {}
    try {
      parsed = JSON.parse(body) as typeof parsed
    } catch {
      return
    }
    const seen = status === 200 ? parsed : parsed.current
    if (status === 200 && parsed.version !== undefined) card.won.push(parsed.version)
    if (seen?.version !== undefined && seen.version >= card.version) {
      card.version = seen.version
      card.stageId = seen.stageId ?? card.stageId
    }
  }

  const move = async (card: MoveCard) => {
    const to = card.stageId === card.stages[0] ? card.stages[1] : card.stages[0]
    const sent = performance.now()
    try {
      const res = await fetch(`${s.url}/api/clients/${card.id}/move`, {
        method: 'POST',
        headers: boardHeaders(s, {
          'content-type': 'application/json',
          ...(keyed ? { 'idempotency-key': randomUUID() } : {}),
        }),
        body: JSON.stringify({ stageId: to, version: card.version }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      const body = await res.text()
      latencies.push(performance.now() - sent)
      answer(card, res.status, body)
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') timeouts += 1
      else errors += 1
      if (race) return
      const current = await getJson<Seen>(s, `/api/clients/${card.id}`)
      card.version = current.version
      card.stageId = current.stageId
    }
  }

  const connection = async () => {
    while (performance.now() < end) {
      const card = race ?? (await queue.take())
      try {
        await move(card)
      } finally {
        if (!race) queue.give(card)
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, connection))
  const seconds = (performance.now() - started) / 1000
  return {
    connections,
    cards: cards.length,
    durationS,
    requests: latencies.length,
    throughputRps: round(latencies.length / seconds, 1),
    p50: round(percentile(latencies, 50)),
    p97_5: round(percentile(latencies, 97.5)),
    p99: round(percentile(latencies, 99)),
    max: round(Math.max(...latencies)),
    statuses,
    unexpected,
    errors,
    timeouts,
  }
}

/**
 * Lets the server finish any move whose answer timed out (the server may still apply it), then
 * reads the cards' versions back so the next run does not start from stale ones.
 */
export async function refreshCards(s: Session, cards: MoveCard[], settleMs = 3000) {
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  for (const card of cards) {
    const current = await getJson<{ version: number; stageId: string }>(
      s,
      `/api/clients/${card.id}`,
    )
    card.version = current.version
    card.stageId = current.stageId
  }
}
