/**
 * Moves under concurrency, with autocannon: each connection sends a move carrying the version
 * it last saw (its `setupRequest` / `onResponse` hooks keep that per card), as the board does:
 * session cookie, Origin, an Idempotency-Key per move. A 409 is the intended answer to a move
 * made on a stale version; anything else but 200 is a finding.
 */
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { boardHeaders, getJson, type Session } from './http'
import { round } from './stats'

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

interface Context {
  card?: MoveCard
}

interface Seen {
  version: number
  stageId: string
}

/**
 * Runs the load. Several cards: a move takes a card no other request holds (autocannon gives
 * each request a fresh context, so cards are lent from a queue and returned on the answer), so
 * every move carries the card's current version. One card: every connection races on it.
 */
export async function moveLoad(
  s: Session,
  cards: MoveCard[],
  connections: number,
  durationS: number,
): Promise<MoveLoad> {
  const free = [...cards]
  const race = cards.length === 1 ? cards[0] : undefined
  const statuses: Record<string, number> = {}
  const unexpected: string[] = []
  const result = await autocannon({
    url: s.url,
    connections,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const card = race ?? free.shift()
          if (!card) throw new Error('more requests in flight than cards')
          ;(context as Context).card = card
          const to = card.stageId === card.stages[0] ? card.stages[1] : card.stages[0]
          return {
            ...req,
            path: `/api/clients/${card.id}/move`,
            headers: boardHeaders(s, {
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
            }),
            body: JSON.stringify({ stageId: to, version: card.version }),
          }
        },
        onResponse: (status, body, context) => {
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
          const card = (context as Context).card
          if (!card) return
          if (!race) free.push(card)
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
        },
      },
    ],
  })
  const lat = result.latency
  return {
    connections,
    durationS,
    requests: result.requests.total,
    throughputRps: round(result.requests.average, 1),
    p50: lat.p50,
    p97_5: lat.p97_5,
    p99: lat.p99,
    max: lat.max,
    statuses,
    unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/**
 * Lets the server finish the moves still queued when autocannon's time was up (it drops their
 * answers; the server applies them), then reads the cards' versions back so the next run does
 * not start from stale ones.
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
