import { describe, expect, it } from 'vitest'
import { PAIR_LIMITS, verdict, waitSchedule } from '../../worker/domain/login-throttle'

const now = Date.UTC(2026, 10, 23, 9)

describe('the sign-in throttle', () => {
  it('allows the first failures at full speed', () => {
    expect(verdict(null, PAIR_LIMITS, now)).toEqual({ kind: 'allow' })
    expect(
      verdict({ failures: 2, lastFailureAt: now, lockedUntil: null }, PAIR_LIMITS, now).kind,
    ).toBe('allow')
  })

  it('doubles the wait with each failure past the free ones, up to a minute', () => {
    const waits = [3, 4, 5, 6, 7, 12].map((failures) => {
      const v = verdict({ failures, lastFailureAt: now, lockedUntil: null }, PAIR_LIMITS, now)
      return v.kind === 'slow' ? v.retryAfterMs : 0
    })
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 60000])
    const later = verdict(
      { failures: 3, lastFailureAt: now, lockedUntil: null },
      PAIR_LIMITS,
      now + 1000,
    )
    expect(later.kind).toBe('allow')
  })

  it('waits nothing for the free failures, then doubles, for every count below the lock', () => {
    expect(waitSchedule(PAIR_LIMITS)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000])
  })

  it('refuses while locked and lets the lock run out', () => {
    const until = now + PAIR_LIMITS.lockMs
    const state = { failures: PAIR_LIMITS.lockAfter, lastFailureAt: now, lockedUntil: until }
    expect(verdict(state, PAIR_LIMITS, now + 60_000)).toEqual({
      kind: 'locked',
      retryAfterMs: PAIR_LIMITS.lockMs - 60_000,
    })
    expect(verdict(state, PAIR_LIMITS, now + PAIR_LIMITS.lockMs)).toEqual({ kind: 'allow' })
  })

  it('forgets failures older than the window', () => {
    const state = { failures: 7, lastFailureAt: now, lockedUntil: null }
    expect(verdict(state, PAIR_LIMITS, now + PAIR_LIMITS.windowMs + 1)).toEqual({
      kind: 'allow',
    })
  })
})
