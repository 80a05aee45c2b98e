/**
 * Who a caller is allowed to be: the four access roles, most powerful first. Plain data, no zod:
 * the web's first screen asks `can()` and must not pull the schema library into its bundle.
 */
export const ACCESS_ROLES = ['admin', 'lead', 'member', 'viewer'] as const
export type AccessRole = (typeof ACCESS_ROLES)[number]

const everyone: readonly AccessRole[] = ACCESS_ROLES
const workers: readonly AccessRole[] = ['admin', 'lead', 'member']
const leads: readonly AccessRole[] = ['admin', 'lead']
const admins: readonly AccessRole[] = ['admin']

/**
 * The one table of what each access role may do. Routes name an action, never a role, and the
 * web asks `can()` before it offers a control, so this is the only place a permission changes.
 */
export const POLICY = {
  'journey.read': everyone,
  'journey.edit': admins,
  'clients.read': everyone,
  'clients.write': workers,
  'clients.assign': leads,
  // Correcting someone else's journal entry; its author always may.
  'journal.correct-any': admins,
  'tasks.read': everyone,
  'tasks.write': workers,
  'members.read': everyone,
  'members.write': leads,
  'users.manage': admins,
  'sessions.manage': admins,
  'tokens.manage': admins,
  'self.read': everyone,
  'notifications.read': everyone,
  'webhooks.manage': admins,
  // Team load: everyone sees it; suggesting, absences and rebalancing are the leads' tools.
  'team.read': everyone,
  // Leads act within their own team; acting on every team (its absences, proposals, reports,
  // newcomers) is the admins'.
  'teams.all': admins,
  'assignments.suggest': leads,
  'absences.manage': leads,
  'rebalance.manage': leads,
  'load.settings': admins,
  // Anyone who works the board may write articles; regulations (instructions) are the leads'.
  'articles.read': everyone,
  'articles.write': workers,
  'instructions.write': leads,
  // Progress is the caller's own (it needs an account linked to a member); viewers stay read-only.
  'onboarding.read': everyone,
  'onboarding.progress': workers,
  'onboarding.team': leads,
  // Tracks, their steps and each newcomer's mentor are the leads' to shape.
  'onboarding.manage': leads,
  // The live board: whoever reads the board hears of its changes (each filtered by CHANGE_READ).
  'live.read': everyone,
  // Key accounts without a KAM quadrant: the leads' list (the rating itself is clients.write).
  'kam.review': leads,
  // The client's record: sources and loss / churn reasons are lists the admins keep.
  'record.lists': admins,
  // Labels: admins keep the list; attaching them to cards is an edit of the card.
  'labels.edit': admins,
  // Files on cards: members upload and remove their own (leads and admins any: see attachments.ts).
  'attachments.write': workers,
  'attachments.remove-any': leads,
  // Data in and out: the whole organisation is the admins'; imports are the leads' tool.
  'backup.manage': admins,
  'imports.run': leads,
  // Reports: members their own figures, leads their team's (scoped per request); the capacity
  // forecast is the leads'.
  'reports.view': workers,
  'reports.forecast': leads,
} as const satisfies Record<string, readonly AccessRole[]>

export type Action = keyof typeof POLICY

/** Whether an access role may take an action. */
export function can(role: AccessRole, action: Action): boolean {
  return (POLICY[action] as readonly AccessRole[]).includes(role)
}

/** An API token acts with a fixed role: `read` as a viewer, `write` as a member. */
export function tokenRole(scope: 'read' | 'write'): AccessRole {
  return scope === 'read' ? 'viewer' : 'member'
}
