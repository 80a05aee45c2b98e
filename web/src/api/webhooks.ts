import type {
  Delivery,
  Webhook,
  WebhookCreate,
  WebhookEvent,
  WebhookPatch,
} from '../../../schema/stage-clock'
import { answer, api } from './client'

const byId = (id: string) => ({ params: { path: { id } } })

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
  return (await answer(api.GET('/api/webhooks', { signal }))).webhooks
}

/** Adds a webhook; the answer carries the signing secret, shown this once and never again. */
export function createWebhook(input: WebhookCreate): Promise<Webhook & { secret: string }> {
  return answer(api.POST('/api/webhooks', { body: input }))
}

export function patchWebhook(id: string, patch: WebhookPatch): Promise<Webhook> {
  return answer(api.PATCH('/api/webhooks/{id}', { ...byId(id), body: patch }))
}

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(id: string, signal?: AbortSignal): Promise<Delivery[]> {
  return (await answer(api.GET('/api/webhooks/{id}/deliveries', { ...byId(id), signal })))
    .deliveries
}
