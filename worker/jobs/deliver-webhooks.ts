import { claimDelivery, dueDeliveries, recordAttempt } from '../db/webhooks'
import { nextAttemptAt, renderPayload, signature } from '../domain/webhook-delivery'
import type { Env } from '../env'

/** A delivery is leased for this long while its request runs; a crashed run frees it after. */
const LEASE_MS = 5 * 60_000
const TIMEOUT_MS = 10_000

/**
 * Delivers pending webhook events: signed JSON (or Slack text), retried with exponential
 * backoff until the endpoint answers 2xx. Each delivery is claimed in D1 first, so concurrent
 * runs never send the same attempt twice.
 */
export async function deliverWebhooks(env: Env, now: number) {
  const db = env.DB
  let [sent, failed] = [0, 0]
  for (const delivery of await dueDeliveries(db, now, 100)) {
    if (!(await claimDelivery(db, delivery, now + LEASE_MS))) continue
    const body = renderPayload(delivery.format, delivery.payload)
    let status: number | null = null
    let error: string | null = null
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': await signature(delivery.secret, body, now),
          'x-webhook-event': delivery.event,
          'x-delivery-id': delivery.id,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      status = res.status
      if (!res.ok) error = `HTTP ${res.status}`
      await res.body?.cancel()
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : 'request failed'
    }
    const delivered = error === null
    if (delivered) sent += 1
    else failed += 1
    await recordAttempt(db, delivery.id, {
      delivered,
      status,
      error,
      nextAttemptAt: delivered ? now : nextAttemptAt(now, delivery.attempts + 1),
      now,
    })
  }
  return `webhooks: ${sent} delivered, ${failed} failed`
}
