import { createRoute, z } from '@hono/zod-openapi'
import { MyTask } from '../../schema/my-tasks'
import { listOpenTasksOf } from '../db/my-tasks'
import { createRouter, jsonResponse } from '../router'

/** "My tasks": the caller's open tasks across the board (none for an account with no member). */
export const myTasks = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tasks/mine',
    summary: "The caller's open tasks on live cards, soonest due first",
    responses: { 200: jsonResponse(z.object({ tasks: z.array(MyTask) }), 'Open tasks') },
  }),
  async (c) => {
    const memberId = c.get('identity')?.memberId
    return c.json({ tasks: memberId ? await listOpenTasksOf(c.env.DB, memberId) : [] }, 200)
  },
)
