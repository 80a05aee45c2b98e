import { describe, expect, it } from 'vitest'
import { CARE_RULES, careDue, periodEnd, periodKey } from '../../shared/care'

describe('recurring care periods', () => {
  it('names the month, quarter and year a date falls in', () => {
    expect(periodKey('2026-12-01', 'month')).toBe('2026-12')
    expect(periodKey('2026-12-01', 'quarter')).toBe('2026-Q4')
    expect(periodKey('2026-04-01', 'quarter')).toBe('2026-Q2')
    expect(periodKey('2026-03-31', 'quarter')).toBe('2026-Q1')
    expect(periodKey('2026-12-01', 'year')).toBe('2026')
  })

  it('ends each period on its last day, leap years included', () => {
    expect(periodEnd('2028-02-10', 'month')).toBe('2028-02-29')
    expect(periodEnd('2026-02-10', 'month')).toBe('2026-02-28')
    expect(periodEnd('2026-11-03', 'quarter')).toBe('2026-12-31')
    expect(periodEnd('2026-05-03', 'quarter')).toBe('2026-06-30')
    expect(periodEnd('2026-05-03', 'year')).toBe('2026-12-31')
  })

  it('gives each tier the care DOMAIN.md names', () => {
    const of = (tier: 'A' | 'B' | 'C') =>
      CARE_RULES.filter((r) => r.tiers.includes(tier)).map((r) => `${r.every}:${r.roleId}`)
    expect(of('A')).toEqual(['month:account_manager', 'quarter:team_lead', 'year:account_manager'])
    expect(of('B')).toEqual(['month:account_manager', 'year:account_manager'])
    expect(of('C')).toEqual(['quarter:account_manager'])
  })

  it('keeps one dedupe key all period long and a new one in the next period', () => {
    const key = (date: string) => careDue(date).map((d) => d.keyPrefix)
    expect(key('2026-12-01')).toEqual(key('2026-12-31'))
    const next = key('2027-01-01')
    expect(next.every((k, i) => k !== key('2026-12-31')[i])).toBe(true)
    // A quarterly rule keeps its key across the months of a quarter; a monthly one does not.
    const [monthly, quarterly] = [key('2026-10-05'), key('2026-11-05')]
    expect(monthly[0]).not.toBe(quarterly[0])
    expect(monthly[1]).toBe(quarterly[1])
  })
})
