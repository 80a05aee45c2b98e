import { STAGE_ROLE_KINDS } from '../../schema/enums'
import type { Acting, People, StageRoleKind } from '../../schema/clients'
import type { StageRoles } from '../../schema/journey'

export const ROLE_KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS

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

/** What a role does over one phase. */
export interface RolePart {
  /** Its strongest part at any stage of the phase: the grade a holder needs. */
  part: StageRoleKind
  /** How many of the phase's stages it plays each part at (its strongest there). */
  counts: Readonly<Record<StageRoleKind, number>>
  /** The phase's live stages, the role's or not. */
  stages: number
}

/** Per phase, what each role does in it. */
export type RoleParts = ReadonlyMap<string, ReadonlyMap<string, RolePart>>

/**
 * What each role does in each phase, over the phase's live stages: its strongest part, and how
 * many stages it owns, talks or supports at. A person carries a client for the role they hold by
 * these (see `roleWeight`), so load follows the work through a phase without jumping from stage
 * to stage, and a sales rep stops carrying a client whose phase sales has no part in.
 */
export function roleParts(
  stages: readonly { phaseId: string; roles: StageRoles; archived?: boolean }[],
): RoleParts {
  const parts = new Map<string, Map<string, RolePart>>()
  const sizes = new Map<string, number>()
  for (const stage of stages) {
    if (stage.archived) continue
    sizes.set(stage.phaseId, (sizes.get(stage.phaseId) ?? 0) + 1)
    const phase = parts.get(stage.phaseId) ?? new Map<string, RolePart>()
    const here = new Map<string, StageRoleKind>()
    for (const kind of ROLE_KINDS) {
      const role = stage.roles[kind]
      here.set(role, stronger(here.get(role) ?? null, kind))
    }
    for (const [role, kind] of here) {
      const known = phase.get(role)
      const counts = { owner: 0, communicator: 0, support: 0, ...known?.counts }
      counts[kind] += 1
      phase.set(role, { part: stronger(known?.part ?? null, kind), counts, stages: 0 })
    }
    parts.set(stage.phaseId, phase)
  }
  for (const [phaseId, phase] of parts) {
    for (const [role, p] of phase) phase.set(role, { ...p, stages: sizes.get(phaseId) ?? 0 })
  }
  return parts
}

/**
 * The part a role plays on a client in `phaseId`, for eligibility: its strongest part in that
 * phase, or, where it has none there, its strongest anywhere (a holder must be fit for what comes).
 */
export function partOf(parts: RoleParts, phaseId: string, roleId: string): StageRoleKind {
  const here = parts.get(phaseId)?.get(roleId)
  if (here) return here.part
  let best: StageRoleKind | null = null
  for (const phase of parts.values()) {
    const p = phase.get(roleId)
    if (p) best = stronger(best, p.part)
  }
  return best ?? 'support'
}
