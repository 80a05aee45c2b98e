/**
 * The KAM portfolio (Key Account Management, McDonald & Woodburn): how attractive a client is to
 * us × how strong our relationship with it is, each rated 1–5, places the client in one of four
 * quadrants that say how to manage it.
 */
import type { Quadrant } from '../schema/kam'

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
