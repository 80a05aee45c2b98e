import { createRoute, z } from '@hono/zod-openapi'
import { createRouter, jsonResponse } from '../router'

export const health = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    summary: 'Liveness',
    responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Up') },
  }),
  (c) => c.json({ ok: true as const }, 200),
)
