import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import type { Client, StageRoleKind } from '../../../schema/clients'
import type { LocalizedText } from '../../../schema/common'
import type { Stage } from '../../../schema/journey'

export const ROLE_KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS

/** A stage's journey roles in slot order (owner first), each once. */
export function stageRoleIds(stage: Stage): string[] {
  return [...new Set(ROLE_KINDS.map((kind) => stage.roles[kind]))]
}

/**
 * The role to fill when a card stands at a stage whose owner or communicator role the client
 * has nobody for (owner first); null when both are staffed.
 */
export function unstaffedRole(client: Client, stage: Stage): string | null {
  if (client.stageId !== stage.id) return null
  return [stage.roles.owner, stage.roles.communicator].find((r) => !client.people[r]) ?? null
}

/** Journey role id → its name, for headings ("Account manager"). */
export function roleNameMap(
  roles: Iterable<{ id: string; name: LocalizedText }>,
): Map<string, LocalizedText> {
  return new Map([...roles].map((role) => [role.id, role.name]))
}
