import { createRoute } from '@hono/zod-openapi'
import { CalendarPatch, CalendarSetting } from '../../schema/stage-clock'
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../router'
import { loadCalendar, saveCalendar } from '../services/calendar'

const errors = errorResponses({ 404: 'Not found', 409: 'Stale version' })

/** The organisation's working calendar (`/settings/calendar`), the clock every SLA counts in. */
export const calendar = createRouter()
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
      await saveCalendar(c.env.DB, calendar, version)
      return c.json({ calendar, version: version + 1 }, 200)
    },
  )
