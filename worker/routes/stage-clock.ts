import { createRoute, z } from '@hono/zod-openapi'
import {
  Automation,
  AutomationCreate,
  AutomationPatch,
  CalendarPatch,
  CalendarSetting,
  Notification,
} from '../../schema/stage-clock'
import {
  getAutomation,
  insertAutomation,
  listAutomations,
  updateAutomation,
} from '../db/automations'
import { getStage, roleExists } from '../db/journey'
import { listNotifications, markRead, notificationExists } from '../db/notifications'
import { putSettingStatement } from '../db/settings'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { CALENDAR_KEY, loadCalendar } from '../services/calendar'
import { recomputeDeadlines } from '../services/deadlines'

const errors = errorResponses({ 404: 'Not found', 409: 'Stale version' })

async function checkRole(db: D1Database, roleId: string | null | undefined) {
  if (roleId && (await roleExists(db, [roleId])).length) {
    const message = `No role ${JSON.stringify(roleId)}`
    throw new AppError(422, 'invalid', message, {}, { assigneeRoleId: [message] })
  }
}

/** The organisation calendar, stage automations and the inbox. */
export const stageClock = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/settings/calendar',
      summary: 'The working calendar every SLA counts in',
      responses: { 200: jsonResponse(CalendarSetting, 'Calendar') },
    }),
    async (c) => {
      const { value, version } = await loadCalendar(c.env.DB)
      return c.json({ calendar: value, version }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/settings/calendar',
      summary: 'Change the calendar (version 0 the first time); every live deadline is re-derived',
      request: { body: jsonBody(CalendarPatch) },
      responses: { 200: jsonResponse(CalendarSetting, 'Saved'), ...errors },
    }),
    async (c) => {
      const { calendar, version } = c.req.valid('json')
      const db = c.env.DB
      const now = Date.now()
      const [result] = await db.batch([
        putSettingStatement(db, CALENDAR_KEY, calendar, version, now),
      ])
      if ((result?.meta.changes ?? 0) === 0) {
        const current = await loadCalendar(db)
        throw new AppError(409, 'version_conflict', 'The calendar was changed by someone else', {
          current: { calendar: current.value, version: current.version },
        })
      }
      await recomputeDeadlines(db, calendar, null, now)
      return c.json({ calendar, version: version + 1 }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/stages/{id}/automations',
      summary: "A stage's automations",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ automations: z.array(Automation) }), 'Automations'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await getStage(c.env.DB, id))) throw notFound('Stage', id)
      return c.json({ automations: await listAutomations(c.env.DB, id, false) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/stages/{id}/automations',
      summary: 'Add an automation to a stage',
      request: { params: IdParam, body: jsonBody(AutomationCreate) },
      responses: { 201: jsonResponse(Automation, 'Created'), ...errors },
    }),
    async (c) => {
      const { id: stageId } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      if (!(await getStage(db, stageId))) throw notFound('Stage', stageId)
      await checkRole(db, input.assigneeRoleId)
      const id = crypto.randomUUID()
      await insertAutomation(db, id, stageId, input, Date.now())
      const created = await getAutomation(db, id)
      if (!created) throw notFound('Automation', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/automations/{id}',
      summary: 'Edit or switch off an automation',
      request: { params: IdParam, body: jsonBody(AutomationPatch) },
      responses: { 200: jsonResponse(Automation, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const automation = await getAutomation(db, id)
      if (!automation) throw notFound('Automation', id)
      await checkRole(db, patch.assigneeRoleId)
      const next = { ...automation, ...patch }
      if (automation.version !== version || !(await updateAutomation(db, next, version))) {
        throw staleVersion('Automation', id, automation)
      }
      return c.json((await getAutomation(db, id)) ?? next, 200)
    },
  )
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
