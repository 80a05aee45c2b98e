import { createRoute } from '@hono/zod-openapi'
import { LoadSettingsDoc, LoadSettingsPatch } from '../../schema/load'
import { createRouter, errorResponses, jsonBody, jsonResponse } from '../router'
import { loadLoadSettings, saveLoadSettings } from '../services/load-settings'

const errors = errorResponses({ 409: 'Stale version' })

/** The weights the team's load is measured with (`/settings/load`). */
export const loadSettings = createRouter()
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
      await saveLoadSettings(c.env.DB, load, version)
      return c.json({ load, version: version + 1 }, 200)
    },
  )
