import { can } from '../../schema/access'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorBody } from '../../schema/common'
import {
  MyOnboarding,
  OnboardingTrack,
  ProgressInput,
  ProgressResult,
  TeamProgress,
  type ProgressStatus,
} from '../../schema/onboarding'
import { iso, isoOrNull } from '../db/time'
import {
  getItem,
  loadTracks,
  memberProgress,
  setProgress,
  stagesForRoles,
  teamProgress,
  type Track,
  type TrackItem,
} from '../db/onboarding'
import { mentorOf } from '../db/mentors'
import type { Calendar } from '../../shared/clock'
import { countCompleted, itemMarks, statusFits, stepDueAt, type Mark } from '../domain/onboarding'
import { loadCalendar } from '../services/calendar'
import { AppError, notFound } from '../errors'
import { createRouter, jsonBody, jsonResponse } from '../router'

/** The public shape of an item: the article-text key stays inside. */
const publicItem = ({ group: _group, ...item }: TrackItem) => item

/** A member's tracks (those of their roles) with each item's mark, due time and the counts. */
function withMarks(
  tracks: Track[],
  roleIds: string[],
  marks: Mark[],
  start?: { at: number; calendar: Calendar },
) {
  const mine = tracks.filter((t) => roleIds.includes(t.roleId))
  const marked = itemMarks(
    mine.flatMap((t) => t.items),
    marks,
  )
  const result = mine.map((t) => ({
    ...t,
    ...countCompleted(t.items, marked),
    items: t.items.map((i) => {
      const mark = marked.get(i.id)
      const status: ProgressStatus = mark?.status ?? 'todo'
      const due =
        start && i.dueDays !== null ? stepDueAt(start.at, i.dueDays, start.calendar) : null
      return { ...publicItem(i), status, at: isoOrNull(mark?.at ?? null), dueAt: isoOrNull(due) }
    }),
  }))
  const all = countCompleted(
    mine.flatMap((t) => t.items),
    marked,
  )
  return { tracks: result, ...all }
}

/** Onboarding: `/onboarding/tracks`, `/me`, `/progress`, `/team`. */
export const onboarding = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tracks',
      summary:
        'Every role’s onboarding tracks: articles to read and the first-week checklist (`retired=include` for the retired ones too)',
      request: { query: z.object({ retired: z.enum(['include']).optional() }) },
      responses: {
        200: jsonResponse(z.object({ tracks: z.array(OnboardingTrack) }), 'The tracks'),
      },
    }),
    async (c) => {
      const tracks = await loadTracks(c.env.DB, c.req.valid('query').retired === 'include')
      return c.json({ tracks: tracks.map((t) => ({ ...t, items: t.items.map(publicItem) })) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: "The signed-in member's tracks (from their roles) with their progress",
      responses: { 200: jsonResponse(MyOnboarding, 'My onboarding') },
    }),
    async (c) => {
      const memberId = c.get('identity')?.memberId ?? null
      if (!memberId) {
        return c.json(
          {
            memberId,
            roleIds: [],
            stageIds: [],
            mentor: null,
            tracks: [],
            total: 0,
            completed: 0,
          },
          200,
        )
      }
      const db = c.env.DB
      const [tracks, { roleIds, marks }, mentor, { value: calendar }] = await Promise.all([
        loadTracks(db),
        memberProgress(db, memberId),
        mentorOf(db, memberId),
        loadCalendar(db),
      ])
      const stageIds = await stagesForRoles(db, roleIds)
      const start = mentor ? { at: mentor.started_at, calendar } : undefined
      return c.json(
        {
          memberId,
          roleIds,
          stageIds,
          mentor: mentor ? { id: mentor.id, name: mentor.name } : null,
          ...withMarks(tracks, roleIds, marks, start),
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/progress',
      summary: 'Mark one of my onboarding items read (articles) or done (checklist); todo clears',
      request: { body: jsonBody(ProgressInput) },
      responses: {
        200: jsonResponse(ProgressResult, 'Saved'),
        403: jsonResponse(ErrorBody, 'The account acts as no member'),
        404: jsonResponse(ErrorBody, 'No such item'),
        422: jsonResponse(ErrorBody, 'Invalid input'),
      },
    }),
    async (c) => {
      const { itemId, status } = c.req.valid('json')
      const memberId = c.get('identity')?.memberId
      if (!memberId) {
        throw new AppError(403, 'no_member', 'Your account is not linked to a journey member')
      }
      const db = c.env.DB
      const item = await getItem(db, itemId)
      if (!item) throw notFound('Onboarding item', itemId)
      if (!statusFits(item.kind, status)) {
        const message = `A${item.kind === 'article' ? 'n article is marked read' : ' checklist item is marked done'}, not ${status}`
        throw new AppError(422, 'invalid', message, {}, { status: [message] })
      }
      const at = await setProgress(db, memberId, itemId, status, Date.now())
      return c.json({ itemId, status, at: at === null ? null : iso(at) }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/team',
      summary: "Onboarding progress of a lead's team (admins: everyone)",
      responses: { 200: jsonResponse(TeamProgress, 'Team progress') },
    }),
    async (c) => {
      const identity = c.get('identity')
      const db = c.env.DB
      // Admins see everyone; a lead the members under them (an account with no member: none).
      const leadId =
        identity && can(identity.role, 'teams.all') ? null : (identity?.memberId ?? undefined)
      if (leadId === undefined) return c.json({ members: [] }, 200)
      const [tracks, { team, marks }] = await Promise.all([
        loadTracks(db),
        teamProgress(db, leadId),
      ])
      const members = team.map((m) => {
        const own = marks.filter((k) => k.member_id === m.id)
        const progress = withMarks(tracks, m.roleIds, own)
        const last = own.reduce<number | null>(
          (max, k) => (max === null || k.at > max ? k.at : max),
          null,
        )
        return {
          memberId: m.id,
          name: m.name,
          grade: m.grade,
          roleIds: m.roleIds,
          total: progress.total,
          completed: progress.completed,
          lastActivityAt: isoOrNull(last),
          tracks: progress.tracks.map((t) => ({
            trackId: t.id,
            roleId: t.roleId,
            total: t.total,
            completed: t.completed,
          })),
        }
      })
      return c.json({ members }, 200)
    },
  )
