import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import type { StageRoleKind } from '../../../schema/clients'
import type { StageRoles } from '../../../schema/journey'

const KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS

/**
 * The journey role whose instruction someone should read on a stage ("what do I do here"):
 * the role they act in on this card at this stage (owner first), else the first of their own roles
 * that the stage uses, else null (the stage's general regulation).
 */
export function viewerRole(
  stageRoles: StageRoles,
  memberRoleIds: readonly string[],
  card?: { memberId: string | null; acting: Partial<Record<StageRoleKind, string | null>> },
): string | null {
  if (card?.memberId) {
    const held = KINDS.find((kind) => card.acting[kind] === card.memberId)
    if (held) return stageRoles[held]
  }
  const used = new Set(KINDS.map((kind) => stageRoles[kind]))
  return memberRoleIds.find((role) => used.has(role)) ?? null
}
