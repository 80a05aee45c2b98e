import { createRoute } from '@hono/zod-openapi'
import { ClientProfile, ClientProfilePatch } from '../../schema/record'
import { getProfile, profileAt, writeProfileStatement } from '../db/client-profiles'
import { recordEventStatements } from '../db/record-change'
import { optionIn } from '../db/record-options'
import { staleVersion } from '../errors'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { commitRecordChange, fieldError } from '../services/record-write'
import { assertClientExists } from '../services/known-client'

const errors = errorResponses({
  404: 'No such client',
  409: 'Stale version or archived client',
})

const FIELDS = [
  'sourceId',
  'currency',
  'contractValue',
  'monthlyRevenue',
  'marginPercent',
  'startDate',
  'renewalDate',
] as const

/** Money, dates and source of a client: `/clients/:id/profile`. */
export const clientProfile = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/profile',
      summary: "The client's money (minor units), dates, source and how it left the board",
      request: { params: IdParam },
      responses: { 200: jsonResponse(ClientProfile, 'The profile'), 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await assertClientExists(c.env.DB, id)
      return c.json(await getProfile(c.env.DB, id), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/clients/{id}/profile',
      summary: 'Edit money, dates and source (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(ClientProfilePatch) },
      responses: { 200: jsonResponse(ClientProfile, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      await assertClientExists(db, id)
      const profile = await getProfile(db, id)
      if (profile.version !== version) throw staleVersion('Client profile', id, profile)
      if (patch.sourceId && !(await optionIn(db, 'source', patch.sourceId))) {
        throw fieldError('sourceId', `No source ${JSON.stringify(patch.sourceId)} in the list`)
      }
      const next = { ...profile, ...patch }
      if (next.startDate && next.renewalDate && next.renewalDate < next.startDate) {
        throw fieldError('renewalDate', 'The renewal date comes after the start date')
      }
      const changed = FIELDS.filter((k) => profile[k] !== next[k])
      if (changed.length === 0) return c.json(profile, 200)
      const fields = Object.fromEntries(changed.map((k) => [k, { from: profile[k], to: next[k] }]))
      const op = crypto.randomUUID()
      const now = Date.now()
      const event = { kind: 'profile_edited', actorId: c.get('actorId'), data: { fields } }
      await commitRecordChange(
        db,
        id,
        [
          ...recordEventStatements(db, id, event, now, op, profileAt(id, version)),
          writeProfileStatement(db, next, now, { clientId: id, op }),
        ],
        async () => staleVersion('Client profile', id, await getProfile(db, id)),
      )
      return c.json(await getProfile(db, id), 200)
    },
  )
