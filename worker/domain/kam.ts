/**
 * The KAM portfolio (Key Account Management, McDonald & Woodburn): how attractive a client is to
 * us × how strong our relationship with it is, each rated 1–5, places the client in one of four
 * quadrants that say how to manage it.
 */
import type { Quadrant } from '../../schema/kam'
import { leadForRole, teamOf, type AlertMember } from './team'

export type { Quadrant }

/** The lowest rating that counts as high on either axis. */
export const HIGH_FROM = 3

/**
 * The quadrant of a rating pair. 3, the middle of the scale, counts as high: a client rated
 * average on attractiveness is not yet one to manage only for cost, and an average relationship
 * is one to keep, not to build from nothing.
 * - Strategic — attractive, strong relationship: invest attention, keep profitable.
 * - Star — attractive, weak relationship: invest time and money; need not be profitable yet.
 * - Status — less attractive, strong relationship: maintain.
 * - Streamline — less attractive, weak relationship: manage for profitability.
 */
export function quadrantOf(attractiveness: number, relationship: number): Quadrant {
  const attractive = attractiveness >= HIGH_FROM
  const strong = relationship >= HIGH_FROM
  if (attractive) return strong ? 'strategic' : 'star'
  return strong ? 'status' : 'streamline'
}

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
