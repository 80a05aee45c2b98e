/**
 * The KAM portfolio: who must see a key account that has no quadrant yet. The quadrant rule
 * itself is in shared/kam-quadrant.ts, where the drawer imports it too.
 */
import { leadForRole, teamOf, type AlertMember } from './team'

/** A key account without a quadrant: whose it is. */
export interface Unassessed {
  accountManagerId: string | null
  leadId: string | null
}

/**
 * Who should see that a key account has no quadrant: the account manager's lead; with no
 * account manager (or one without a lead), the lead of the account-manager role; failing that,
 * the admins.
 */
export function kamLead(
  u: Unassessed,
  members: readonly AlertMember[],
  admins: readonly string[],
): string[] {
  const lead = u.leadId ?? leadForRole('account_manager', members)
  return lead ? [lead] : [...admins]
}

/** Whether a lead sees a key account in their list: it is theirs, or its manager is in their team. */
export function kamListedFor(
  u: Unassessed,
  leadId: string,
  members: readonly AlertMember[],
  admins: readonly string[],
): boolean {
  if (kamLead(u, members, admins).includes(leadId)) return true
  return u.accountManagerId !== null && teamOf(leadId, members).has(u.accountManagerId)
}
