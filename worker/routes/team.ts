import { createRoute } from '@hono/zod-openapi'
import { LoadSettingsDoc, LoadSettingsPatch } from '../../schema/load'
import { Team } from '../../schema/team'
import { unknownPhases } from '../db/load'
import { putSettingStatement } from '../db/settings'
import { AppError } from '../errors'
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../router'
import { LOAD_KEY, loadLoadSettings } from '../services/load-settings'
import { teamSnapshot } from '../services/team-snapshot'
import { teamView } from '../services/team-view'

const errors = errorResponses({ 409: 'Stale version' })

/** The team's load as it is now (`/team`) and the weights it is measured with. */
export const team = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/team',
      summary: 'Members with load, capacity, utilisation, absences and span of control, now',
      responses: { 200: jsonResponse(Team, 'The team') },
    }),
    async (c) => c.json(teamView(await teamSnapshot(c.env.DB, Date.now())), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/settings/load',
      summary: 'The load weights (version 0: never edited, the defaults apply)',
      responses: { 200: jsonResponse(LoadSettingsDoc, 'Load settings') },
    }),
    async (c) => {
      const { value, version } = await loadLoadSettings(c.env.DB)
      return c.json({ load: value, version }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/settings/load',
      summary: 'Replace the load weights (send the version you saw; 0 the first time)',
      request: { body: jsonBody(LoadSettingsPatch) },
      responses: { 200: jsonResponse(LoadSettingsDoc, 'Saved'), ...errors },
    }),
    async (c) => {
      const { load, version } = c.req.valid('json')
      const db = c.env.DB
      const unknown = await unknownPhases(db, Object.keys(load.phaseEffort))
      if (unknown.length > 0) {
        const fields = Object.fromEntries(
          unknown.map((id) => [`load.phaseEffort.${id}`, [`No phase ${JSON.stringify(id)}`]]),
        )
        throw new AppError(422, 'invalid', `Unknown phase(s): ${unknown.join(', ')}`, {}, fields)
      }
      const [result] = await db.batch([
        putSettingStatement(db, LOAD_KEY, load, version, Date.now()),
      ])
      if ((result?.meta.changes ?? 0) === 0) {
        const current = await loadLoadSettings(db)
        throw new AppError(
          409,
          'version_conflict',
          'The load settings were changed by someone else',
          {
            current: { load: current.value, version: current.version },
          },
        )
      }
      return c.json({ load, version: version + 1 }, 200)
    },
  )
