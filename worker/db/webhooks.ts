import {
  DELIVERY_ERRORS,
  type Delivery,
  type DeliveryError,
  type Webhook,
  type WebhookCreate,
  type WebhookEvent,
} from '../../schema/stage-clock'
import { opGuardSql, type OpGuard } from './op-guard'
import { iso, isoOrNull } from './time'

interface WebhookRow {
  id: string
  url: string
  events: string
  secret: string
  format: 'json' | 'slack'
  active: number
  version: number
  created_at: number
}

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEvent[],
  format: r.format,
  active: r.active === 1,
  version: r.version,
  createdAt: iso(r.created_at),
})

export async function listWebhooks(db: D1Database): Promise<Webhook[]> {
  const { results } = await db
    .prepare('SELECT * FROM webhooks ORDER BY created_at')
    .all<WebhookRow>()
  return results.map(toWebhook)
}

export async function getWebhook(db: D1Database, id: string): Promise<Webhook | null> {
  const row = await db.prepare('SELECT * FROM webhooks WHERE id = ?1').bind(id).first<WebhookRow>()
  return row ? toWebhook(row) : null
}

export async function insertWebhook(
  db: D1Database,
  id: string,
  w: WebhookCreate,
  secret: string,
  now: number,
) {
  await db
    .prepare(
      'INSERT INTO webhooks (id, url, events, secret, format, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)',
    )
    .bind(id, w.url, JSON.stringify(w.events), secret, w.format, now)
    .run()
}

export async function updateWebhook(db: D1Database, next: Webhook, expected: number) {
  const res = await db
    .prepare(
      `UPDATE webhooks SET url = ?1, events = ?2, format = ?3, active = ?4, version = version + 1
       WHERE id = ?5 AND version = ?6`,
    )
    .bind(
      next.url,
      JSON.stringify(next.events),
      next.format,
      next.active ? 1 : 0,
      next.id,
      expected,
    )
    .run()
  return res.meta.changes > 0
}

/** SQL: webhook `w` is active and subscribed to the event `event` (an SQL expression). */
export const takesEvent = (event: string) =>
  `w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value = ${event})`

/** Whether any active webhook takes one of `events`, to batch with other reads. */
export const webhooksTakeQuery = (db: D1Database, events: readonly WebhookEvent[]) =>
  db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM json_each(?1) ev JOIN webhooks w ON ${takesEvent('ev.value')})
         AS taken`,
    )
    .bind(JSON.stringify(events))

/** The answer of `webhooksTakeQuery` in a batch result. */
export const webhooksTakeFrom = (result: D1Result | undefined) =>
  (result?.results as { taken: number }[] | undefined)?.[0]?.taken === 1

/**
 * Queues an event for every active webhook subscribed to it, in one statement and in the same
 * batch as the change it reports. The delivery id is `<event key>:<webhook>`: queueing the same
 * event twice is a no-op.
 */
export function enqueueStatement(
  db: D1Database,
  event: WebhookEvent,
  eventKey: string,
  payload: Record<string, unknown>,
  now: number,
  guard?: OpGuard,
) {
  const g = opGuardSql(guard, 5)
  return db
    .prepare(
      `INSERT INTO webhook_deliveries (id, webhook_id, event, payload, next_attempt_at, created_at)
       SELECT ?1 || ':' || w.id, w.id, ?2, ?3, ?4, ?4 FROM webhooks w
       WHERE ${takesEvent('?2')} AND ${g.sql}
       ON CONFLICT (id) DO NOTHING`,
    )
    .bind(eventKey, event, JSON.stringify({ event, ...payload }), now, ...g.params)
}

export interface DueDelivery {
  id: string
  event: string
  payload: string
  attempts: number
  next_attempt_at: number
  url: string
  secret: string
  format: 'json' | 'slack'
}

export async function dueDeliveries(db: D1Database, now: number, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT d.id, d.event, d.payload, d.attempts, d.next_attempt_at, w.url, w.secret, w.format
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 AND w.active = 1
       ORDER BY d.next_attempt_at LIMIT ?2`,
    )
    .bind(now, limit)
    .all<DueDelivery>()
  return results
}

/**
 * Takes a delivery for one attempt: moves its next attempt past the lease so a concurrent run
 * skips it. False if another run took it first.
 */
export async function claimDelivery(db: D1Database, d: DueDelivery, leaseUntil: number) {
  const res = await db
    .prepare(
      `UPDATE webhook_deliveries SET next_attempt_at = ?1, attempts = attempts + 1
       WHERE id = ?2 AND status = 'pending' AND next_attempt_at = ?3`,
    )
    .bind(leaseUntil, d.id, d.next_attempt_at)
    .run()
  return res.meta.changes > 0
}

export async function recordAttempt(
  db: D1Database,
  id: string,
  outcome: {
    delivered: boolean
    status: number | null
    error: DeliveryError | null
    nextAttemptAt: number
    now: number
  },
) {
  await db
    .prepare(
      `UPDATE webhook_deliveries SET status = ?1, last_status = ?2, last_error = ?3, next_attempt_at = ?4,
         delivered_at = ?5 WHERE id = ?6`,
    )
    .bind(
      outcome.delivered ? 'delivered' : 'pending',
      outcome.status,
      outcome.error,
      outcome.nextAttemptAt,
      outcome.delivered ? outcome.now : null,
      id,
    )
    .run()
}

interface DeliveryRow {
  id: string
  event: string
  status: 'pending' | 'delivered'
  attempts: number
  next_attempt_at: number
  last_status: number | null
  last_error: string | null
  created_at: number
  delivered_at: number | null
}

/** Anything else in the column (older rows kept raw messages) reads as a failed connection. */
const deliveryError = (text: string | null): DeliveryError | null =>
  text === null ? null : (DELIVERY_ERRORS.find((e) => e === text) ?? 'connection_failed')

export async function listDeliveries(
  db: D1Database,
  webhookId: string,
  limit: number,
): Promise<Delivery[]> {
  const { results } = await db
    .prepare(
      'SELECT * FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY created_at DESC LIMIT ?2',
    )
    .bind(webhookId, limit)
    .all<DeliveryRow>()
  return results.map((r) => ({
    id: r.id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at),
    lastStatus: r.last_status,
    lastError: deliveryError(r.last_error),
    createdAt: iso(r.created_at),
    deliveredAt: isoOrNull(r.delivered_at),
  }))
}
