/**
 * The limits the API enforces, in one place: the zod schemas build on them and the web's form
 * controls read them, so a form never allows what the server refuses (or the reverse).
 */
export const LIMITS = {
  /** Names of people, clients, companies, stages and phases (either language). */
  name: 200,
  tokenName: 100,
  slaDays: { min: 1, max: 365 },
  wipLimit: { min: 1, max: 10_000 },
  score: { min: 0, max: 100 },
  /** Load points a member may carry, when set by hand. */
  capacity: { min: 0, max: 1000 },
  /** A tier's or stage's weight in the load formula. */
  loadWeight: { min: 0, max: 1000 },
} as const
