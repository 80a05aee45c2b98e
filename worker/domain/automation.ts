import type { Assignees, StageRoleKind } from '../../schema/clients'
import type { StageRoles } from '../../schema/journey'

const SLOTS: StageRoleKind[] = ['owner', 'communicator', 'support']

/** The card's assignee who plays `roleId` at this stage (owner first), if any. */
export function assigneeForRole(
  roleId: string | null,
  stageRoles: StageRoles,
  assignees: Assignees,
): string | null {
  if (!roleId) return null
  for (const slot of SLOTS) {
    if (stageRoles[slot] === roleId && assignees[slot]) return assignees[slot]
  }
  return null
}

/** Fills `{client}`, `{company}` and `{stage}` in a message template; unknown braces stay. */
export function renderTemplate(
  template: string,
  values: { client: string; company: string; stage: string },
): string {
  return template.replace(
    /\{(client|company|stage)\}/g,
    (_, key: keyof typeof values) => values[key],
  )
}
