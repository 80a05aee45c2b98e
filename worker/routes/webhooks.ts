import { createRoute, z } from '@hono/zod-openapi'
import { Delivery, Webhook, WebhookCreate, WebhookPatch } from '../../schema/stage-clock'
import { newSecret } from '../auth/crypto'
import {
  getWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
} from '../db/webhooks'
import { refusedTarget } from '../domain/webhook-target'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'

const errors = errorResponses({ 404: 'No such webhook', 409: 'Stale version' })

/** 422 on `url` when it points inside a network and WEBHOOK_ALLOW_PRIVATE is off. */
function assertPublicTarget(url: string, allowPrivate: string | undefined) {
  const reason = refusedTarget(url, allowPrivate)
  if (!reason) return
  const message = `The webhook URL must be a public address, not ${reason}`
  throw new AppError(
    422,
    'private_address',
    `Invalid input — url: ${message}`,
    {},
    {
      url: [message],
    },
  )
}

/** Outgoing webhooks (admins): endpoints, the events they get, and the delivery log. */
export const webhooks = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Webhooks (never their secrets)',
      responses: { 200: jsonResponse(z.object({ webhooks: z.array(Webhook) }), 'Webhooks') },
    }),
    async (c) => c.json({ webhooks: await listWebhooks(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a webhook; the signing secret is returned once, in this response only',
      request: { body: jsonBody(WebhookCreate) },
      responses: {
        201: jsonResponse(Webhook.extend({ secret: z.string() }), 'Created'),
        422: errors[422],
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      assertPublicTarget(input.url, c.env.WEBHOOK_ALLOW_PRIVATE)
      const id = crypto.randomUUID()
      const secret = input.secret ?? newSecret('whsec_')
      await insertWebhook(c.env.DB, id, input, secret, Date.now())
      const created = await getWebhook(c.env.DB, id)
      if (!created) throw notFound('Webhook', id)
      return c.json({ ...created, secret }, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Change a webhook or switch it off',
      request: { params: IdParam, body: jsonBody(WebhookPatch) },
      responses: { 200: jsonResponse(Webhook, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      if (patch.url !== undefined) assertPublicTarget(patch.url, c.env.WEBHOOK_ALLOW_PRIVATE)
      const hook = await getWebhook(c.env.DB, id)
      if (!hook) throw notFound('Webhook', id)
      const next = { ...hook, ...patch }
      if (hook.version !== version || !(await updateWebhook(c.env.DB, next, version))) {
        throw staleVersion('Webhook', id, hook)
      }
      return c.json((await getWebhook(c.env.DB, id)) ?? next, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/deliveries',
      summary: 'The delivery log, newest first',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ deliveries: z.array(Delivery) }), 'Deliveries'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await getWebhook(c.env.DB, id))) throw notFound('Webhook', id)
      return c.json({ deliveries: await listDeliveries(c.env.DB, id, 100) }, 200)
    },
  )
