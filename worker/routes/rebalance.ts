import { can } from '../../schema/access'
import { createRoute, z } from '@hono/zod-openapi'
import { Client } from '../../schema/clients'
import { Id, Version } from '../../schema/common'
import { ProposalStatus, RebalanceProposal } from '../../schema/team'
import { listProposals } from '../db/rebalance'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'
import { acceptProposal, dismissProposal, proposalFor } from '../services/rebalance-decisions'

const errors = errorResponses({
  403: 'Not your proposal',
  404: 'No such proposal',
  409: 'Already decided, stale version or overtaken',
})

/** Moves the morning job proposes to leads, and their decisions. */
export const rebalance = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/rebalance',
      summary: "Proposals for the caller's team (admins: everyone's), newest first",
      request: {
        query: z.object({
          status: z.enum([...ProposalStatus.options, 'all']).default('proposed'),
          leadId: Id.optional(),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ proposals: z.array(RebalanceProposal) }), 'Proposals'),
      },
    }),
    async (c) => {
      const { status, leadId } = c.req.valid('query')
      const identity = c.get('identity')
      const all = identity ? can(identity.role, 'teams.all') : false
      const lead = all ? (leadId ?? null) : (identity?.memberId ?? null)
      if (!all && lead === null) return c.json({ proposals: [] }, 200)
      const proposals = await listProposals(c.env.DB, lead, status === 'all' ? null : status)
      return c.json({ proposals }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rebalance/{id}/accept',
      summary: "Apply a proposed move (send the client's version you saw)",
      request: { params: IdParam, body: jsonBody(z.object({ version: Version }).strict()) },
      responses: {
        200: jsonResponse(z.object({ proposal: RebalanceProposal, client: Client }), 'Applied'),
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const db = c.env.DB
      const identity = c.get('identity')
      const proposal = await proposalFor(db, id, identity)
      const { version } = c.req.valid('json')
      return c.json(await acceptProposal(db, proposal, version, identity, Date.now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rebalance/{id}/dismiss',
      summary: 'Set a proposed move aside',
      request: { params: IdParam },
      responses: { 200: jsonResponse(RebalanceProposal, 'Dismissed'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const identity = c.get('identity')
      const proposal = await proposalFor(c.env.DB, id, identity)
      return c.json(await dismissProposal(c.env.DB, proposal, identity, Date.now()), 200)
    },
  )
