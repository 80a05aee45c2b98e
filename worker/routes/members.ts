import { createRoute, z } from '@hono/zod-openapi'
import { Member, MemberCreate, MemberPatch } from '../../schema/members'
import { roleExists } from '../db/journey'
import {
  emailTaken,
  getMember,
  insertMember,
  listMembers,
  managerChain,
  unknownMembers,
  updateMember,
} from '../db/members'
import { AppError, notFound, staleVersion } from '../errors'
import type { AppEnv } from '../env'
import type { Context } from 'hono'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'

const errors = errorResponses({ 404: 'No such member', 409: 'Stale version or e-mail taken' })

const invalid = (field: string, message: string) =>
  new AppError(422, 'invalid', message, {}, { [field]: [message] })

/** Checks what zod cannot: roles and manager exist, no management cycle, e-mail free. */
async function checkMember(
  db: D1Database,
  id: string | null,
  m: { roleIds?: string[]; managerId?: string | null; email?: string },
) {
  const unknownRoles = await roleExists(db, m.roleIds ?? [])
  if (unknownRoles.length) throw invalid('roleIds', `Unknown role(s): ${unknownRoles.join(', ')}`)
  if (m.managerId) {
    if ((await unknownMembers(db, [m.managerId])).length) {
      throw invalid('managerId', `No member ${JSON.stringify(m.managerId)}`)
    }
    if (id && (m.managerId === id || (await managerChain(db, m.managerId)).includes(id))) {
      throw invalid('managerId', 'A member cannot report to themselves or to their own report')
    }
  }
  if (m.email && (await emailTaken(db, m.email, id))) {
    throw new AppError(409, 'email_taken', `Another member already uses ${m.email}`)
  }
}

/**
 * Leads edit their own team only: the members they manage directly or through their reports
 * (and, as a manager to report to, themselves). Admins edit anyone; the route's rule already
 * keeps everyone else out.
 */
async function assertInTeam(c: Context<AppEnv>, memberId: string | null, selfAllowed: boolean) {
  const identity = c.get('identity')
  if (identity?.role !== 'lead') return
  const lead = identity.memberId
  const inTeam =
    lead !== null &&
    memberId !== null &&
    ((selfAllowed && memberId === lead) || (await managerChain(c.env.DB, memberId)).includes(lead))
  if (!inTeam)
    throw new AppError(403, 'forbidden', 'A lead edits the members of their own team only')
}

export const members = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'All members with their grades, roles and managers',
      responses: { 200: jsonResponse(z.object({ members: z.array(Member) }), 'Members') },
    }),
    async (c) => c.json({ members: await listMembers(c.env.DB) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a member',
      request: { body: jsonBody(MemberCreate) },
      responses: { 201: jsonResponse(Member, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      await assertInTeam(c, input.managerId, true)
      await checkMember(db, null, input)
      const id = crypto.randomUUID()
      await insertMember(db, id, { ...input, roleIds: [...new Set(input.roleIds)] }, Date.now())
      const created = await getMember(db, id)
      if (!created) throw notFound('Member', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'One member',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Member, 'The member'), 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const member = await getMember(c.env.DB, id)
      if (!member) throw notFound('Member', id)
      return c.json(member, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Edit a member (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(MemberPatch) },
      responses: { 200: jsonResponse(Member, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const member = await getMember(db, id)
      if (!member) throw notFound('Member', id)
      const stale = () => staleVersion('Member', id, member)
      await assertInTeam(c, id, false)
      if (patch.managerId !== undefined) await assertInTeam(c, patch.managerId, true)
      if (member.version !== version) throw stale()
      await checkMember(db, id, patch)
      const roleIds = patch.roleIds ? [...new Set(patch.roleIds)].sort() : member.roleIds
      const next = { ...member, ...patch, roleIds, updatedAt: new Date().toISOString() }
      if (!(await updateMember(db, member, next, version))) throw stale()
      return c.json((await getMember(db, id)) ?? next, 200)
    },
  )
