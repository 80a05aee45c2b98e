import { createRoute, z } from '@hono/zod-openapi'
import { Notification } from '../../schema/stage-clock'
import { listNotifications, markRead, notificationExists } from '../db/notifications'
import { notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonResponse } from '../router'

const errors = errorResponses({ 404: 'Not found' })

/** The caller's inbox (`/notifications`): alerts for their member, read one by one or all. */
export const notifications = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      summary: 'My inbox, newest first, with the unread count',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: {
        200: jsonResponse(
          z.object({ notifications: z.array(Notification), unread: z.number().int() }),
          'Inbox',
        ),
      },
    }),
    async (c) => {
      const memberId = c.get('identity')?.memberId
      if (!memberId) return c.json({ notifications: [], unread: 0 }, 200)
      return c.json(await listNotifications(c.env.DB, memberId, c.req.valid('query').limit), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/{id}/read',
      summary: 'Mark one notification read',
      request: { params: IdParam },
      responses: { 204: { description: 'Read' }, 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const memberId = c.get('identity')?.memberId
      if (!memberId || !(await notificationExists(c.env.DB, memberId, id)))
        throw notFound('Notification', id)
      await markRead(c.env.DB, memberId, id, Date.now())
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read-all',
      summary: 'Mark my whole inbox read',
      responses: { 200: jsonResponse(z.object({ marked: z.number().int() }), 'Read') },
    }),
    async (c) => {
      const memberId = c.get('identity')?.memberId
      const marked = memberId ? await markRead(c.env.DB, memberId, null, Date.now()) : 0
      return c.json({ marked }, 200)
    },
  )
