import { can } from '../../schema/access'
import type { Client } from '../../schema/clients'
import type { RebalanceProposal } from '../../schema/team'
import { getClient } from '../db/clients'
import { writePeople } from '../db/people'
import { decideStatement, getProposal, proposalStillOpen } from '../db/rebalance'
import { exclusions } from '../domain/eligibility'
import type { Identity } from '../env'
import { AppError, notFound } from '../errors'
import { versionConflict } from './move-client'
import { vetPeople } from './people'
import { slotOf, teamSnapshot } from './team-snapshot'

const decided = (p: RebalanceProposal) =>
  new AppError(409, 'already_decided', `Proposal ${p.id} is already ${p.status}`, { current: p })

/** The proposal, if the caller may decide it: its lead, or an admin. */
export async function proposalFor(db: D1Database, id: string, identity: Identity | null) {
  const proposal = await getProposal(db, id)
  if (!proposal) throw notFound('Proposal', id)
  if (!(identity && can(identity.role, 'teams.all')) && identity?.memberId !== proposal.leadId) {
    throw new AppError(403, 'forbidden', 'Only the lead it is for (or an admin) decides a proposal')
  }
  if (proposal.status !== 'proposed') throw decided(proposal)
  return proposal
}

/**
 * Applies a proposed move as an assignment the lead makes: versioned on the client (the caller
 * sends the version they saw), recorded in the history, and in the same batch the proposal
 * becomes accepted — neither happens without the other.
 */
export async function acceptProposal(
  db: D1Database,
  proposal: RebalanceProposal,
  version: number,
  identity: Identity | null,
  now: number,
): Promise<{ proposal: RebalanceProposal; client: Client }> {
  const client = await getClient(db, proposal.clientId)
  if (!client) throw notFound('Client', proposal.clientId)
  if (client.version !== version) throw versionConflict(client)
  if (client.archived || client.people[proposal.roleId] !== proposal.fromMemberId) {
    throw new AppError(409, 'overtaken', 'The client changed since this move was proposed', {
      current: client,
    })
  }
  const snap = await teamSnapshot(db, now)
  const live = snap.clients.find((c) => c.id === client.id)
  if (!live) throw versionConflict(client)
  const taker = snap.members.find((m) => m.id === proposal.toMemberId)
  const out = taker
    ? exclusions(
        taker,
        slotOf(snap, live, proposal.roleId),
        snap.absences,
        snap.today,
        snap.settings,
      )
    : [{ text: 'no longer available' }]
  if (out.length > 0) {
    const reasons = out.map((e) => e.text)
    throw new AppError(409, 'not_eligible', `${proposal.toName}: ${reasons.join('; ')}`, {
      reasons,
    })
  }
  // The same gate as every other way to set a person; the proposal's reason explains the pick.
  const picks = { people: { [proposal.roleId]: proposal.toMemberId }, reason: proposal.reason }
  const fields = { member: () => 'toMemberId', reason: 'reason' }
  const { changes, events } = vetPeople(snap, live, picks, identity, fields)
  const op = crypto.randomUUID()
  const actor = identity?.id ?? null
  const landed = await writePeople(db, {
    clientId: client.id,
    version,
    changes,
    events: events.map((e) => ({ ...e, data: { ...e.data, proposalId: proposal.id } })),
    actorId: actor,
    now,
    op,
    condition: proposalStillOpen(proposal.id),
    after: [decideStatement(db, proposal.id, 'accepted', actor, now, { clientId: client.id, op })],
  })
  const [current, after] = await Promise.all([
    getClient(db, client.id),
    getProposal(db, proposal.id),
  ])
  if (!landed) {
    if (after && after.status !== 'proposed') throw decided(after)
    throw versionConflict(current ?? client)
  }
  return { proposal: after ?? proposal, client: current ?? client }
}

/** Sets a proposal aside; a concurrent decision wins and this one gets 409. */
export async function dismissProposal(
  db: D1Database,
  proposal: RebalanceProposal,
  identity: Identity | null,
  now: number,
): Promise<RebalanceProposal> {
  const result = await decideStatement(
    db,
    proposal.id,
    'dismissed',
    identity?.id ?? null,
    now,
  ).run()
  const after = (await getProposal(db, proposal.id)) ?? proposal
  if (result.meta.changes === 0) throw decided(after)
  return after
}
