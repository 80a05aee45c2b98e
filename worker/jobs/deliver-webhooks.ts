import { claimDelivery, dueDeliveries, recordAttempt } from '../db/webhooks'
import type { DeliveryError } from '../../schema/stage-clock'
import { nextAttemptAt, renderPayload, signature } from '../domain/webhook-delivery'
import { refusedTarget } from '../domain/webhook-target'
import type { Env } from '../env'

/** A delivery is leased for this long while its request runs; a crashed run frees it after. */
const LEASE_MS = 5 * 60_000
const TIMEOUT_MS = 10_000

/**
 * One POST to the endpoint. Only the status code or a generic error comes back: the network's
 * own messages would tell an admin which internal hosts and ports answer. Redirects are not
 * followed, so a public URL cannot bounce the request inside.
 */
export async function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: string | undefined,
  fetcher: typeof fetch = fetch,
): Promise<{ status: number | null; error: DeliveryError | null }> {
  if (refusedTarget(url, allowPrivate)) return { status: null, error: 'address_refused' }
  try {
    const res = await fetcher(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    await res.body?.cancel()
    return { status: res.status, error: null }
  } catch {
    return { status: null, error: 'connection_failed' }
  }
}

/**
 * Delivers pending webhook events: signed JSON (or Slack text), retried with exponential
 * backoff until the endpoint answers 2xx. Each delivery is claimed in D1 first, so concurrent
 * runs never send the same attempt twice. The target is checked again here: a URL stored before
 * the check existed, or while WEBHOOK_ALLOW_PRIVATE was on, is not called.
 */
export async function deliverWebhooks(env: Env, now: number) {
  const db = env.DB
  let [sent, failed] = [0, 0]
  for (const delivery of await dueDeliveries(db, now, 100)) {
    if (!(await claimDelivery(db, delivery, now + LEASE_MS))) continue
    const body = renderPayload(delivery.format, delivery.payload)
    const headers = {
      'content-type': 'application/json',
      'x-signature': await signature(delivery.secret, body, now),
      'x-webhook-event': delivery.event,
      'x-delivery-id': delivery.id,
    }
    const { status, error } = await sendWebhook(
      delivery.url,
      headers,
      body,
      env.WEBHOOK_ALLOW_PRIVATE,
    )
    const delivered = status !== null && status >= 200 && status < 300
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
