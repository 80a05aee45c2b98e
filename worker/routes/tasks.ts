import { createRoute, z } from '@hono/zod-openapi'
import { Task, TaskCreate, TaskPatch } from '../../schema/tasks'
import { roleExists } from '../db/journey'
import { unknownMembers } from '../db/members'
import { getTask, insertTaskStatement, listTasks, updateTask } from '../db/tasks'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({ 404: 'No such client or task', 409: 'Stale version' })

/** Rejects an assignee role or member that does not exist, naming the field. */
async function checkAssignee(
  db: D1Database,
  t: { assigneeRoleId?: string | null; assigneeMemberId?: string | null },
) {
  if (t.assigneeRoleId && (await roleExists(db, [t.assigneeRoleId])).length) {
    const message = `No role ${JSON.stringify(t.assigneeRoleId)}`
    throw new AppError(422, 'invalid', message, {}, { assigneeRoleId: [message] })
  }
  if (t.assigneeMemberId && (await unknownMembers(db, [t.assigneeMemberId])).length) {
    const message = `No member ${JSON.stringify(t.assigneeMemberId)}`
    throw new AppError(422, 'invalid', message, {}, { assigneeMemberId: [message] })
  }
}

/** Checklist items: `/clients/:id/tasks` and `/tasks/:id`. */
export const tasks = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/tasks',
      summary: "A client's checklist",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ tasks: z.array(Task) }), 'Tasks'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json({ tasks: await listTasks(c.env.DB, id) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/tasks',
      summary: 'Add a checklist item to a client',
      request: { params: IdParam, body: jsonBody(TaskCreate) },
      responses: { 201: jsonResponse(Task, 'Created'), ...errors },
    }),
    async (c) => {
      const { id: clientId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      await assertClientExists(db, clientId)
      await checkAssignee(db, input)
      const id = crypto.randomUUID()
      const by = { kind: 'person' as const, id: c.get('actorId') }
      await insertTaskStatement(db, id, clientId, input, by, Date.now()).run()
      const task = await getTask(db, id)
      if (!task) throw notFound('Task', id)
      return c.json(task, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tasks/{id}',
      summary: 'Edit or tick a checklist item (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(TaskPatch) },
      responses: { 200: jsonResponse(Task, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const task = await getTask(db, id)
      if (!task) throw notFound('Task', id)
      const stale = () => staleVersion('Task', id, task)
      if (task.version !== version) throw stale()
      await checkAssignee(db, patch)
      const now = Date.now()
      const done = patch.done ?? task.done
      const doneAt = done === task.done ? task.doneAt : done ? new Date(now).toISOString() : null
      const next = { ...task, ...patch, done, doneAt }
      if (!(await updateTask(db, next, version, now))) throw stale()
      return c.json((await getTask(db, id)) ?? next, 200)
    },
  )
