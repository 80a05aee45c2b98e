import type { Client, StageRoleKind } from '../../../schema/clients'
import type { LocalizedText } from '../../../schema/common'
import type { Stage } from '../../../schema/journey'

/** The journey role of the person who looks after a client once it is signed. */
export const ACCOUNT_MANAGER_ROLE = 'account_manager'
/** The stage where the lead assigns that person (the default template's). */
export const ASSIGN_STAGE = 'account-manager-assigned'

export const ROLE_KINDS: readonly StageRoleKind[] = ['owner', 'communicator', 'support']

/** The slots of a stage the account manager plays, in slot order (owner first). */
export function accountManagerSlots(stage: Stage): StageRoleKind[] {
  return ROLE_KINDS.filter((kind) => stage.roles[kind] === ACCOUNT_MANAGER_ROLE)
}

/**
 * The slot to fill when a card has just landed in "Account manager assigned" without an
 * account manager (no one in any slot the stage gives to that role); null when nothing is
 * missing, or for any other stage.
 */
export function needsAccountManager(client: Client, stage: Stage): StageRoleKind | null {
  if (stage.id !== ASSIGN_STAGE || client.stageId !== stage.id) return null
  const slots = accountManagerSlots(stage)
  if (slots.some((kind) => client.assignees[kind] !== null)) return null
  return slots[0] ?? null
}

/** The journey role names of a stage's three slots, for headings ("Communicator · Sales"). */
export function slotRoleNames(
  stage: Stage,
  roles: ReadonlyMap<string, { name: LocalizedText }>,
): Partial<Record<StageRoleKind, LocalizedText>> {
  const names: Partial<Record<StageRoleKind, LocalizedText>> = {}
  for (const kind of ROLE_KINDS) {
    const role = roles.get(stage.roles[kind])
    if (role) names[kind] = role.name
  }
  return names
}
