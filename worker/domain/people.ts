import type { Acting, People, StageRoleKind } from '../../schema/clients'
import type { StageRoles } from '../../schema/journey'

export const ROLE_KINDS: readonly StageRoleKind[] = ['owner', 'communicator', 'support']

/**
 * Who acts on a card at a stage: the client's person for the stage's owner, communicator and
 * support role (null where the client has nobody for that role). Never stored: a card that
 * crosses the sales → account handoff changes owner because the stage names another role.
 */
export function actingPeople(roles: StageRoles, people: People): Acting {
  return {
    owner: people[roles.owner] ?? null,
    communicator: people[roles.communicator] ?? null,
    support: people[roles.support] ?? null,
  }
}

/** The stage's owner and communicator roles the client has nobody for (support may wait). */
export function unstaffedRoles(roles: StageRoles, people: People): string[] {
  return [...new Set([roles.owner, roles.communicator])].filter((r) => !people[r])
}

/** How much a kind of part weighs against another: owning beats talking beats helping. */
const RANK: Record<StageRoleKind, number> = { owner: 3, communicator: 2, support: 1 }

/** The stronger of two parts a role plays (null: plays none). */
const stronger = (a: StageRoleKind | null, b: StageRoleKind) =>
  a === null || RANK[b] > RANK[a] ? b : a

/** Per phase, the strongest part each role plays at any stage of it. */
export type RoleParts = ReadonlyMap<string, ReadonlyMap<string, StageRoleKind>>

/**
 * What each role does in each phase: its strongest part (owner, communicator or support) over
 * the phase's live stages. A person carries a client for the role they hold, weighted by this
 * part in the phase the client is in, so load follows the work without jumping from stage to
 * stage, and a sales rep stops carrying a client whose phase sales has no part in.
 */
export function roleParts(
  stages: readonly { phaseId: string; roles: StageRoles; archived?: boolean }[],
): RoleParts {
  const parts = new Map<string, Map<string, StageRoleKind>>()
  for (const stage of stages) {
    if (stage.archived) continue
    const phase = parts.get(stage.phaseId) ?? new Map<string, StageRoleKind>()
    for (const kind of ROLE_KINDS) {
      const role = stage.roles[kind]
      phase.set(role, stronger(phase.get(role) ?? null, kind))
    }
    parts.set(stage.phaseId, phase)
  }
  return parts
}

/**
 * The part a role plays on a client in `phaseId`, for eligibility: its part in that phase, or,
 * where it has none there, its strongest part anywhere (a holder must be fit for what comes).
 */
export function partOf(parts: RoleParts, phaseId: string, roleId: string): StageRoleKind {
  const here = parts.get(phaseId)?.get(roleId)
  if (here) return here
  let best: StageRoleKind | null = null
  for (const phase of parts.values()) {
    const kind = phase.get(roleId)
    if (kind) best = stronger(best, kind)
  }
  return best ?? 'support'
}
