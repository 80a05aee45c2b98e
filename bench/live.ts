/**
 * The live board's fan-out: N sockets held open on the board (as N open tabs), then moves one
 * at a time; for each, the time from the move's 200 to the change arriving on every socket.
 * Arrivals are stamped before anything is parsed, so the bench's own JSON work is not counted.
 */
import WebSocket from 'ws'
import { boardHeaders, type Session } from './http'
import type { MoveCard } from './moves'
import { percentile, round } from './stats'

export interface LiveFanout {
  sockets: number
  moves: number
  /** Socket × move pairs that arrived / that never did within the wait. */
  deliveries: number
  missed: number
  /** Opening all sockets (ms), and the arrival delays after each move's 200. */
  connectMs: number
  p50: number
  p99: number
  max: number
}

const WAIT_MS = 5000
/** `{"type":"changes"…`: the byte after `{"type":"` tells a change from presence. */
const CHANGES_INITIAL = 'c'.charCodeAt(0)

async function openSockets(s: Session, n: number, arrivals: Map<string, number[]>) {
  const url = `${s.url.replace(/^http/, 'ws')}/api/live`
  const sockets: WebSocket[] = []
  // In batches: wrangler dev's proxy and workerd accept them faster than all at once.
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => {
      const ws = new WebSocket(url, { headers: boardHeaders(s) })
      // Only a stamp and a substring test here: 500 sockets' messages queue on this one thread.
      ws.on('message', (data: Buffer) => {
        const at = performance.now()
        if (data[9] !== CHANGES_INITIAL) return
        const text = data.toString()
        for (const [card, times] of arrivals) if (text.includes(card)) times.push(at)
      })
      sockets.push(ws)
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve())
        ws.once('error', reject)
      })
    })
    await Promise.all(batch)
  }
  return sockets
}

/** Moves `moves` times across `cards` with `sockets` sockets open; p50 / p99 of the arrivals. */
export async function liveFanout(
  s: Session,
  cards: MoveCard[],
  sockets: number,
  moves: number,
): Promise<LiveFanout> {
  const arrivals = new Map<string, number[]>()
  const opening = performance.now()
  const open = await openSockets(s, sockets, arrivals)
  const connectMs = performance.now() - opening
  const delays: number[] = []
  let missed = 0
  try {
    for (let i = 0; i < moves; i += 1) {
      const card = cards[i % cards.length]
      if (!card) throw new Error('no cards to move')
      const to = card.stageId === card.stages[0] ? card.stages[1] : card.stages[0]
      // Moves run one at a time: what mentions the card from now on is this move's change.
      const key = `"id":"${card.id}"`
      arrivals.set(key, [])
      const res = await fetch(`${s.url}/api/clients/${card.id}/move`, {
        method: 'POST',
        headers: boardHeaders(s, { 'content-type': 'application/json' }),
        body: JSON.stringify({ stageId: to, version: card.version }),
      })
      const answered = performance.now()
      const moved = (await res.json()) as { version: number; stageId: string }
      if (res.status !== 200) throw new Error(`live bench: a move answered ${res.status}`)
      card.version = moved.version
      card.stageId = moved.stageId
      const deadline = answered + WAIT_MS
      while ((arrivals.get(key)?.length ?? 0) < sockets && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      const got = arrivals.get(key) ?? []
      arrivals.delete(key)
      missed += sockets - got.length
      // An arrival before the 200 reached us counts as zero: it cannot be earlier than the commit.
      for (const at of got) delays.push(Math.max(0, at - answered))
    }
  } finally {
    for (const ws of open) ws.close(1000, 'bench done')
  }
  return {
    sockets,
    moves,
    deliveries: delays.length,
    missed,
    connectMs: round(connectMs),
    p50: round(percentile(delays, 50)),
    p99: round(percentile(delays, 99)),
    max: round(Math.max(...delays)),
  }
}
