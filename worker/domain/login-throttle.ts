/** How failed sign-ins slow down and then lock a scope (an account, an address, or the pair). */
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

/** One account from one address: what someone mistyping (or guessing) there runs into. */
export const PAIR_LIMITS: ThrottleLimits = {
  freeFailures: 3,
  lockAfter: 8,
  lockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  maxDelayMs: 60_000,
}
/**
 * One account from every address together: slower to bite, so a guesser elsewhere cannot lock
 * the owner out with eight tries, but guessing from many addresses still ends.
 */
export const ACCOUNT_LIMITS: ThrottleLimits = {
  freeFailures: 10,
  lockAfter: 40,
  lockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
  maxDelayMs: 60_000,
}
/** One address over every account (password spraying); high enough for an office behind NAT. */
export const ADDRESS_LIMITS: ThrottleLimits = {
  freeFailures: 30,
  lockAfter: 100,
  lockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  maxDelayMs: 60_000,
}

/** A counter the sign-in throttle keeps, and how a refusal names it. */
export interface ThrottleScope {
  key: string
  limits: ThrottleLimits
  who: string
  /** A right password forgets this counter's failures (the others only get the attempt back). */
  clearOnSuccess: boolean
}

/**
 * The counters one attempt goes through, most specific first: the account at this address,
 * the account everywhere, and the address.
 */
export function throttleScopes(email: string, address: string): ThrottleScope[] {
  const account = email.trim().toLowerCase()
  return [
    {
      key: `pair:${account}|${address}`,
      limits: PAIR_LIMITS,
      who: 'this account, from your address,',
      clearOnSuccess: true,
    },
    { key: `email:${account}`, limits: ACCOUNT_LIMITS, who: 'this account', clearOnSuccess: false },
    { key: `ip:${address}`, limits: ADDRESS_LIMITS, who: 'your address', clearOnSuccess: false },
  ]
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
 * How long after the last failure the next attempt must wait, indexed by the failures so far
 * (0 … lockAfter − 1): nothing for the free failures, then 1 s, 2 s, 4 s … up to `maxDelayMs`.
 * The reservation statement in SQL looks its wait up here, so the rule lives in one place.
 */
export function waitSchedule(limits: ThrottleLimits): number[] {
  return Array.from({ length: limits.lockAfter }, (_, failures) => {
    const extra = failures - limits.freeFailures
    return extra < 0 ? 0 : Math.min(1000 * 2 ** extra, limits.maxDelayMs)
  })
}

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
  const wait = waitSchedule(limits)[state.failures] ?? limits.maxDelayMs
  const waitUntil = state.lastFailureAt + wait
  return waitUntil > now ? { kind: 'slow', retryAfterMs: waitUntil - now } : { kind: 'allow' }
}
