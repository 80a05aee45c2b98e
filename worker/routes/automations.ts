import { createRoute, z } from '@hono/zod-openapi'
import { Automation, AutomationCreate, AutomationPatch } from '../../schema/stage-clock'
import { listAutomations } from '../db/automations'
import { getStage } from '../db/journey'
import { notFound } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { createAutomation, patchAutomation } from '../services/automations'

const errors = errorResponses({ 404: 'Not found', 409: 'Stale version' })

/** What entering a stage sets off: tasks, delayed tasks and messages (`/stages/{id}/automations`). */
export const automations = createRouter()
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
      const { id } = c.req.valid('param')
      return c.json(await createAutomation(c.env.DB, id, c.req.valid('json')), 201)
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
      return c.json(await patchAutomation(c.env.DB, id, c.req.valid('json')), 200)
    },
  )
