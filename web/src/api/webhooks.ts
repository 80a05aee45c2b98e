import type {
  Delivery,
  Webhook,
  WebhookCreate,
  WebhookEvent,
  WebhookPatch,
} from '../../../schema/stage-clock'
import { request } from './client'

export type { Delivery, Webhook, WebhookCreate, WebhookEvent, WebhookPatch }

// A record, so the compiler insists on every event the schema knows (its list pulls in zod).
const EVENTS: Record<WebhookEvent, true> = {
  'client.moved': true,
  'client.overdue': true,
  'client.returned': true,
  'client.unstaffed': true,
  message: true,
  digest: true,
}

/** The events a webhook can subscribe to, in the schema's order. */
export const WEBHOOK_EVENTS = Object.keys(EVENTS) as WebhookEvent[]

export async function listWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  return (await request<{ webhooks: Webhook[] }>('/api/webhooks', { signal })).webhooks
}

/** Adds a webhook; the answer carries the signing secret, shown this once and never again. */
export function createWebhook(input: WebhookCreate): Promise<Webhook & { secret: string }> {
  return request<Webhook & { secret: string }>('/api/webhooks', { method: 'POST', body: input })
}

export function patchWebhook(id: string, patch: WebhookPatch): Promise<Webhook> {
  return request<Webhook>(`/api/webhooks/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
  })
}

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(id: string, signal?: AbortSignal): Promise<Delivery[]> {
  const path = `/api/webhooks/${encodeURIComponent(id)}/deliveries`
  return (await request<{ deliveries: Delivery[] }>(path, { signal })).deliveries
}
