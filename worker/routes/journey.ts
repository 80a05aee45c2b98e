import { createRoute } from '@hono/zod-openapi'
import { Journey, Phase, PhasePatch, Stage, StageCreate, StagePatch } from '../../schema/journey'
import {
  getPhase,
  getStage,
  insertStage,
  loadJourney,
  roleExists,
  updatePhase,
  updateStage,
} from '../db/journey'
import { countInStage } from '../db/clients'
import { AppError, notFound, staleVersion } from '../errors'
import { loadCalendar } from '../services/calendar'
import { recomputeDeadlines } from '../services/deadlines'
import {
  NOT_MODIFIED,
  createRouter,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
} from '../router'

const errors = errorResponses({ 404: 'Not found', 409: 'Stale version' })

/** Rejects role ids that do not exist, naming the field. */
async function checkRoles(db: D1Database, roles: Record<string, string | undefined>) {
  const given = Object.entries(roles).filter((e): e is [string, string] => e[1] !== undefined)
  const unknown = new Set(
    await roleExists(
      db,
      given.map(([, v]) => v),
    ),
  )
  if (unknown.size === 0) return
  const fields = Object.fromEntries(
    given
      .filter(([, v]) => unknown.has(v))
      .map(([k, v]) => [`roles.${k}`, [`No role ${JSON.stringify(v)}`]]),
  )
  throw new AppError(422, 'invalid', `Unknown role(s): ${[...unknown].join(', ')}`, {}, fields)
}

async function phaseWithStages(db: D1Database, id: string) {
  const journey = await loadJourney(db, true)
  return journey.phases.find((p) => p.id === id)
}

/** The template: roles, phases and stages (`/journey`, `/phases/:id`, `/stages/:id`). */
export const journey = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/journey',
      summary: 'The journey template: roles, and phases with their stages, in order',
      responses: { 200: jsonResponse(Journey, 'The journey'), ...NOT_MODIFIED },
    }),
    async (c) => c.json(await loadJourney(c.env.DB), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/phases/{id}',
      summary: 'Rename or reorder a phase',
      request: { params: IdParam, body: jsonBody(PhasePatch) },
      responses: { 200: jsonResponse(Phase, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const db = c.env.DB
      const phase = await getPhase(db, id)
      if (!phase) throw notFound('Phase', id)
      if (!(await updatePhase(db, phase, patch))) {
        throw staleVersion('Phase', id, await phaseWithStages(db, id))
      }
      const updated = await phaseWithStages(db, id)
      if (!updated) throw notFound('Phase', id)
      return c.json(updated, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/stages',
      summary: 'Add a stage to a phase',
      request: { body: jsonBody(StageCreate) },
      responses: { 201: jsonResponse(Stage, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      if (!(await getPhase(db, input.phaseId))) throw notFound('Phase', input.phaseId)
      await checkRoles(db, input.roles)
      const id = crypto.randomUUID()
      await insertStage(db, id, input)
      const stage = await getStage(db, id)
      if (!stage) throw notFound('Stage', id)
      return c.json(stage, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/stages/{id}',
      summary: 'Edit a stage: names, roles, SLA, overdue policy, WIP limit, position, archived',
      request: { params: IdParam, body: jsonBody(StagePatch) },
      responses: { 200: jsonResponse(Stage, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const db = c.env.DB
      const stage = await getStage(db, id)
      if (!stage) throw notFound('Stage', id)
      await checkRoles(db, patch.roles ?? {})
      if (!(await updateStage(db, stage, patch))) {
        // The write checked both; the count says which one stopped it.
        const count = patch.archived ? await countInStage(db, id) : 0
        if (count > 0) {
          throw new AppError(
            409,
            'stage_not_empty',
            `Stage ${id} still holds ${count} client(s); move them first`,
          )
        }
        throw staleVersion('Stage', id, await getStage(db, id))
      }
      if (patch.slaDays !== undefined && patch.slaDays !== stage.slaDays) {
        const { value: calendar } = await loadCalendar(db)
        await recomputeDeadlines(db, calendar, id, Date.now())
      }
      return c.json((await getStage(db, id)) ?? stage, 200)
    },
  )
