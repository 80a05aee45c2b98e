import { createRoute } from '@hono/zod-openapi'
import { Team } from '../../schema/team'
import { createRouter, jsonResponse } from '../router'
import { teamSnapshot } from '../services/team-snapshot'
import { teamView } from '../services/team-view'

/** The team's load as it is now (`/team`). */
export const team = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/team',
    summary: 'Members with load, capacity, utilisation, absences and span of control, now',
    responses: { 200: jsonResponse(Team, 'The team') },
  }),
  async (c) => c.json(teamView(await teamSnapshot(c.env.DB, Date.now())), 200),
)
