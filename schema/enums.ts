/**
 * The product's closed lists as plain data, one place for both tiers: the zod schemas build
 * their enums from these, and the web takes them from here without pulling zod into its first
 * screen's bundle. Order matters where a list is shown (grades from intern up, tiers from A).
 */

/** The three parts every stage gives a role: accountable, talks to the client, helps. */
export const STAGE_ROLE_KINDS = ['owner', 'communicator', 'support'] as const
/** Client tiers from the initial scoring: A key accounts, C the simplest. */
export const TIERS = ['A', 'B', 'C'] as const
/** Grades from the least to the most senior (a lead manages people). */
export const GRADES = ['intern', 'junior', 'middle', 'senior', 'lead'] as const
/** KAM quadrants (McDonald & Woodburn). */
export const QUADRANTS = ['strategic', 'star', 'status', 'streamline'] as const
/** Why a card left the board. */
export const OUTCOMES = ['won', 'lost', 'churned', 'other'] as const
export const JOURNAL_KINDS = ['call', 'meeting', 'email', 'message', 'note'] as const
export const FLAG_KINDS = ['incident', 'receivables', 'churn_risk'] as const
export const AUTOMATION_KINDS = ['task', 'delayed_task', 'message'] as const
export const ARTICLE_KINDS = ['instruction', 'article'] as const
export const LANGS = ['ru', 'en'] as const
