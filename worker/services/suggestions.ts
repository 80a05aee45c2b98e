import type { People, Tier } from '../../schema/clients'
import type { SuggestRequest } from '../../schema/assignments'
import type { StageRoles } from '../../schema/journey'
import { getClient } from '../db/clients'
import { stageFrom, stageQuery } from '../db/journey'
import { liveClientFrom, liveClientQuery } from '../db/load'
import type { LoadClient, LoadMember } from '../domain/load'
import { suggest, type Suggestion } from '../domain/suggest'
import { teamOf } from '../domain/team'
import type { Identity } from '../env'
import { AppError, notFound } from '../errors'
import { countsSnapshotWith, slotOf, type SuggestSnapshot } from './team-snapshot'

/** Where a client about to be signed is placed when the request names no stage. */
export const DEFAULT_ASSIGN_STAGE = 'account-manager-assigned'

/** The client a role is filled on: a live card, or a prospective one (no id, no people yet). */
export interface Target {
  id: string | null
  tier: Tier
  score: number | null
  stageId: string
  phaseId: string
  slotRoles: StageRoles
  people: People
  parts: LoadClient['parts']
}

const invalid = (field: string, message: string) =>
  new AppError(422, 'invalid', message, {}, { [field]: [message] })

/** A client about to be created at a stage, as a target for its people. */
export function prospect(
  snap: SuggestSnapshot,
  stage: { id: string; phaseId: string; roles: StageRoles },
  tier: Tier,
  score: number | null,
): Target {
  return {
    id: null,
    tier,
    score,
    stageId: stage.id,
    phaseId: stage.phaseId,
    slotRoles: stage.roles,
    people: {},
    parts: snap.roleParts.get(stage.phaseId) ?? new Map(),
  }
}

/** The caller's session read in the suggestion's batch, and how the route admits them from it. */
export interface SessionInBatch {
  read: D1PreparedStatement
  admit(result: D1Result | undefined): Promise<void>
}

/**
 * The snapshot and the client a suggestion is for (by id, or a prospective one by tier at a
 * stage), read in one batch: one D1 round trip for the whole suggestion, the caller's session
 * included when the route leaves it to this batch (admitted before anything else is looked at).
 */
export async function suggestionInputs(
  db: D1Database,
  now: number,
  req: SuggestRequest,
  session: SessionInBatch | null = null,
): Promise<{ snap: SuggestSnapshot; target: Target }> {
  const stageId = req.stageId ?? DEFAULT_ASSIGN_STAGE
  const read = req.clientId ? liveClientQuery(db, req.clientId) : stageQuery(db, stageId)
  const {
    snap,
    also: [row, caller],
  } = await countsSnapshotWith(db, now, session ? [read, session.read] : [read])
  await session?.admit(caller)
  if (!snap.roleNames.has(req.roleId)) {
    throw invalid('roleId', `No journey role ${JSON.stringify(req.roleId)}`)
  }
  if (req.clientId) {
    const live = liveClientFrom(row, snap.roleParts)
    if (live) return { snap, target: live }
    if (await getClient(db, req.clientId)) {
      throw new AppError(409, 'archived', `Client ${req.clientId} is archived`)
    }
    throw notFound('Client', req.clientId)
  }
  const stage = stageFrom(row)
  if (!stage || stage.archived) throw invalid('stageId', `No stage ${JSON.stringify(stageId)}`)
  return { snap, target: prospect(snap, stage, req.tier ?? 'C', req.score ?? null) }
}

/**
 * The people a caller picks among: a lead always their own team (and themselves); an admin a
 * named lead's team, or everyone.
 */
export function poolFor(
  snap: SuggestSnapshot,
  identity: Identity | null,
  leadId?: string,
): readonly LoadMember[] {
  const lead = identity?.role === 'lead' ? identity.memberId : (leadId ?? null)
  if (lead === null) return snap.members
  if (!snap.members.some((m) => m.id === lead)) throw invalid('leadId', `No member ${lead}`)
  const team = teamOf(lead, snap.members)
  return snap.members.filter((m) => team.has(m.id))
}

/** Runs the ranking for one role of a target over a pool, on the snapshot's data. */
export function suggestionFor(
  snap: SuggestSnapshot,
  target: Target,
  roleId: string,
  pool: readonly LoadMember[],
): Suggestion {
  return suggest({
    slot: slotOf(snap, target, roleId),
    client: target,
    currentAssignee: target.people[roleId] ?? null,
    members: pool,
    loads: snap.loads,
    overdue: snap.overdue,
    absences: snap.absences,
    lastAssignedAt: snap.lastAssignedAt,
    today: snap.today,
    settings: snap.settings,
  })
}
