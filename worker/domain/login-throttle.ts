/** How failed sign-ins slow down and then lock a scope (an account or a client address). */
export interface ThrottleLimits {
  /** Failures allowed at full speed. */
  freeFailures: number
  /** Failures that lock the scope. */
  lockAfter: number
  lockMs: number
  /** Failures older than this are forgotten. */
  windowMs: number
  /** The longest wait between two attempts before the lock takes over. */
  maxDelayMs: number
}

export const ACCOUNT_LIMITS: ThrottleLimits = {
  freeFailures: 3,
  lockAfter: 8,
  lockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  maxDelayMs: 60_000,
}
export const ADDRESS_LIMITS: ThrottleLimits = {
  freeFailures: 10,
  lockAfter: 30,
  lockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  maxDelayMs: 60_000,
}

export interface ThrottleState {
  failures: number
  lastFailureAt: number
  lockedUntil: number | null
}

export type ThrottleVerdict =
  | { kind: 'allow' }
  | { kind: 'slow'; retryAfterMs: number }
  | { kind: 'locked'; retryAfterMs: number }

/**
 * Whether a sign-in may be tried now. Past the free failures each attempt must wait twice as
 * long as the one before (1 s, 2 s, 4 s … up to `maxDelayMs`); at `lockAfter` the scope is
 * locked for `lockMs`.
 */
export function verdict(
  state: ThrottleState | null,
  limits: ThrottleLimits,
  now: number,
): ThrottleVerdict {
  if (!state) return { kind: 'allow' }
  if (state.lockedUntil !== null && state.lockedUntil > now) {
    return { kind: 'locked', retryAfterMs: state.lockedUntil - now }
  }
  if (now - state.lastFailureAt > limits.windowMs || state.lockedUntil !== null) {
    return { kind: 'allow' }
  }
  const extra = state.failures - limits.freeFailures
  if (extra < 0) return { kind: 'allow' }
  const waitUntil = state.lastFailureAt + Math.min(1000 * 2 ** extra, limits.maxDelayMs)
  return waitUntil > now ? { kind: 'slow', retryAfterMs: waitUntil - now } : { kind: 'allow' }
}

/** When a scope with `failures` recent failures gets locked (null: not yet). */
export function lockUntil(failures: number, limits: ThrottleLimits, now: number): number | null {
  return failures >= limits.lockAfter ? now + limits.lockMs : null
}
