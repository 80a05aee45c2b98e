import { createRoute, z } from '@hono/zod-openapi'
import { Id } from '../../schema/common'
import { OnboardingTrack } from '../../schema/onboarding'
import {
  MentorPut,
  Mentorship,
  TrackCreate,
  TrackPatch,
  type TrackStepInput,
} from '../../schema/onboarding-tracks'
import { roleExists } from '../db/journey'
import { unknownMembers } from '../db/members'
import { deleteMentor, listMentors, putMentor } from '../db/mentors'
import { loadTracks } from '../db/onboarding'
import {
  getTrackRow,
  insertTrack,
  missingArticles,
  stepIds,
  updateTrack,
} from '../db/onboarding-tracks'
import { localDate, localMidnight } from '../../shared/clock'
import { AppError, notFound, staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { loadCalendar } from '../services/calendar'
import { assertOwnTeam } from '../services/team-scope'

const errors = errorResponses({ 403: 'Not your team', 404: 'Not found', 409: 'Stale version' })

const invalid = (fields: Record<string, string[]>) =>
  new AppError(422, 'invalid', `Invalid input — ${Object.keys(fields).join(', ')}`, {}, fields)

/** The public shape of a track: the article-text key of its items stays inside. */
async function publicTrack(db: D1Database, id: string) {
  const track = (await loadTracks(db, true)).find((t) => t.id === id)
  if (!track) throw notFound('Track', id)
  return { ...track, items: track.items.map(({ group: _group, ...item }) => item) }
}

/** What zod cannot check: the role exists, linked articles are live, kept steps are this track's. */
async function checkTrack(
  db: D1Database,
  trackId: string | null,
  input: { roleId?: string; steps?: TrackStepInput[] },
) {
  const fields: Record<string, string[]> = {}
  if (input.roleId && (await roleExists(db, [input.roleId])).length) {
    fields.roleId = [`No role ${JSON.stringify(input.roleId)}`]
  }
  const steps = input.steps ?? []
  const articles = steps.flatMap((s) => (s.kind === 'article' ? [s.articleId] : []))
  const missing = new Set(await missingArticles(db, articles))
  const own = new Set(trackId ? await stepIds(db, trackId) : [])
  const seen = new Set<string>()
  steps.forEach((s, i) => {
    if (s.kind === 'article' && missing.has(s.articleId)) {
      fields[`steps.${i}.articleId`] = [`No live article ${JSON.stringify(s.articleId)}`]
    }
    if (s.id !== undefined && (!own.has(s.id) || seen.has(s.id))) {
      fields[`steps.${i}.id`] = [`Step ${JSON.stringify(s.id)} is not a step of this track`]
    }
    if (s.id !== undefined) seen.add(s.id)
  })
  if (Object.keys(fields).length) throw invalid(fields)
}

/** Editing onboarding: tracks and their steps, and each newcomer's mentor (leads and admins). */
export const onboardingTracks = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/tracks',
      summary: 'Create an onboarding track for a role, with its steps in order',
      request: { body: jsonBody(TrackCreate) },
      responses: { 201: jsonResponse(OnboardingTrack, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      await checkTrack(db, null, input)
      const id = crypto.randomUUID()
      await insertTrack(db, id, input, Date.now())
      return c.json(await publicTrack(db, id), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tracks/{id}',
      summary:
        'Edit a track (send the version you saw): title, role, order, retire or restore; `steps` replaces the steps in the order given (kept steps keep their id and marks)',
      request: { params: IdParam, body: jsonBody(TrackPatch) },
      responses: { 200: jsonResponse(OnboardingTrack, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const track = await getTrackRow(db, id)
      if (!track) throw notFound('Track', id)
      if (track.version !== version) throw staleVersion('Track', id, await publicTrack(db, id))
      await checkTrack(db, id, patch)
      if (!(await updateTrack(db, track, patch, version, Date.now()))) {
        throw staleVersion('Track', id, await publicTrack(db, id))
      }
      return c.json(await publicTrack(db, id), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/mentors',
      summary: "Newcomers' mentors and the days their onboarding started",
      responses: {
        200: jsonResponse(z.object({ mentors: z.array(Mentorship) }), 'Mentors'),
      },
    }),
    async (c) => {
      const { value: calendar } = await loadCalendar(c.env.DB)
      return c.json({ mentors: await listMentors(c.env.DB, calendar.timeZone) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/mentors/{id}',
      summary: "Set a newcomer's mentor and start day (send the version you saw; 0 the first time)",
      request: { params: IdParam, body: jsonBody(MentorPut) },
      responses: { 200: jsonResponse(Mentorship, 'Saved'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json')
      const db = c.env.DB
      if ((await unknownMembers(db, [id])).length) throw notFound('Member', id)
      await assertOwnTeam(c, id)
      if (input.mentorId === id) {
        throw invalid({ mentorId: ['A newcomer cannot mentor themselves'] })
      }
      if ((await unknownMembers(db, [input.mentorId])).length) {
        throw invalid({ mentorId: [`No member ${JSON.stringify(input.mentorId)}`] })
      }
      const { value: calendar } = await loadCalendar(db)
      const now = Date.now()
      const day = input.startedOn ?? localDate(now, calendar.timeZone)
      const startedAt = localMidnight(day, calendar.timeZone)
      const saved = await putMentor(db, { memberId: id, ...input, startedAt }, now)
      const [current] = await listMentors(db, calendar.timeZone, id)
      if (!saved) throw staleVersion('Mentorship', id, current ?? null)
      if (!current) throw notFound('Mentorship', id)
      return c.json(current, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/mentors/{id}',
      summary: "End a newcomer's mentorship (their onboarding is over)",
      request: { params: z.object({ id: Id }) },
      responses: { 204: { description: 'Ended' }, 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertOwnTeam(c, id)
      if (!(await deleteMentor(c.env.DB, id))) throw notFound('Mentorship', id)
      return c.body(null, 204)
    },
  )
