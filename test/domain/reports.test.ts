import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, workingMsBetween } from '../../shared/clock'
import { tableCsv } from '../../shared/csv-write'
import { accumulateFlow, daysBetween } from '../../worker/domain/reports/flow'
import { forecastTeams, phaseCardsAfter } from '../../worker/domain/reports/forecast'
import { moverLine, topMovers, type WatchedNumber } from '../../worker/domain/reports/movers'
import { cohortFunnel } from '../../worker/domain/reports/funnel'
import { stageTimesOf } from '../../worker/domain/reports/percentiles'
import { workingTimeIndex, workingWindows } from '../../worker/domain/reports/working-time-index'

const H = 3_600_000
const cal = { ...DEFAULT_CALENDAR, holidays: ['2026-11-04'] }

describe('the working-time index', () => {
  it('counts Friday 17:00 to Monday 11:00 (Moscow) as 3 working hours, not 66', () => {
    const index = workingTimeIndex(cal, Date.parse('2026-11-01'), Date.parse('2026-12-01'))
    expect(
      index.between(Date.parse('2026-11-13T14:00:00Z'), Date.parse('2026-11-16T08:00:00Z')),
    ).toBe(3 * H)
  })

  it('skips holidays and agrees with the clock on any interval', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    const span = 400 * 86_400_000
    const index = workingTimeIndex(cal, start, start + span)
    expect(
      index.between(Date.parse('2026-11-03T15:00:00Z'), Date.parse('2026-11-05T07:00:00Z')),
    ).toBe(1 * H)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: span }),
        fc.integer({ min: 0, max: 60 * 86_400_000 }),
        (a, len) => {
          const from = start + a
          expect(index.between(from, from + len)).toBe(workingMsBetween(from, from + len, cal))
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('the stored working windows', () => {
  it('give the clock’s working time as upTo(b) - upTo(a), as the job’s SQL reads them', () => {
    const start = Date.parse('2026-01-01T00:00:00Z')
    const span = 400 * 86_400_000
    const windows = workingWindows(cal, start, start + span + 61 * 86_400_000)
    const upTo = (t: number) => {
      const w = windows.filter((x) => x.start <= t).at(-1)
      return w ? w.before + Math.min(Math.max(0, t - w.start), w.end - w.start) : 0
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: span }),
        fc.integer({ min: 0, max: 60 * 86_400_000 }),
        (a, len) => {
          const from = start + a
          expect(upTo(from + len) - upTo(from)).toBe(workingMsBetween(from, from + len, cal))
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('percentiles from duration buckets', () => {
  const row = (bucket: number, visits: number, maxMs: number) => ({
    stageId: 'kickoff',
    bucket,
    visits,
    within: visits,
    returns: 0,
    maxMs,
  })

  it('takes the longest visit of the bucket holding the nearest rank', () => {
    // 10 visits: 4 of 1 h, 4 of ~2 h (longest 2.1 h), 2 of 10 h.
    const [t] = stageTimesOf([row(9 * H, 2, 10 * H), row(H, 4, H), row(2 * H, 4, 2.1 * H)])
    expect(t).toMatchObject({ visits: 10, p50: 2.1 * H, p85: 10 * H, max: 10 * H, within: 10 })
  })

  it('is never below the exact nearest rank and at most 9 % above it', () => {
    const edges = [0, ...Array.from({ length: 200 }, (_, k) => Math.floor(60_000 * 2 ** (k / 8)))]
    const bucketOf = (ms: number) => edges.filter((e) => e <= ms).at(-1) ?? 0
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 60_000, max: 500 * H }), { minLength: 1 }), (ms) => {
        const rows = new Map<number, ReturnType<typeof row>>()
        for (const m of ms) {
          const b = bucketOf(m)
          const r = rows.get(b) ?? row(b, 0, 0)
          rows.set(b, {
            ...r,
            visits: r.visits + 1,
            within: r.within + 1,
            maxMs: Math.max(r.maxMs, m),
          })
        }
        const [t] = stageTimesOf([...rows.values()])
        const sorted = [...ms].sort((a, b) => a - b)
        const exact = sorted.find((_, i) => i + 1 >= 0.5 * sorted.length) ?? 0
        expect(t?.p50).toBeGreaterThanOrEqual(exact)
        expect(t?.p50).toBeLessThanOrEqual(exact * 1.0906 + 1)
        expect(t?.max).toBe(sorted.at(-1))
      }),
    )
  })
})

describe('the cohort funnel', () => {
  const stages = [
    { stageId: 'inbound-lead', phaseId: 'acquisition', journeyOrder: 1001 },
    { stageId: 'needs-discovery', phaseId: 'sale', journeyOrder: 2001 },
    { stageId: 'contract-draft', phaseId: 'contract', journeyOrder: 3001 },
    { stageId: 'payment-received', phaseId: 'contract', journeyOrder: 3004 },
    { stageId: 'onboarding-sign-off', phaseId: 'onboarding', journeyOrder: 4007 },
    { stageId: 'regular-check-in', phaseId: 'care', journeyOrder: 5001 },
    { stageId: 'renewal-signed', phaseId: 'renewal', journeyOrder: 7004 },
  ]

  it('counts the cards that got to each milestone or further, so drop-off is never negative', () => {
    // 10 cards entered: 4 stayed in acquisition, 3 got to sale, 2 to care, 1 renewed.
    const steps = cohortFunnel(
      [
        { journeyOrder: 1001, cards: 4 },
        { journeyOrder: 2001, cards: 3 },
        { journeyOrder: 5001, cards: 2 },
        { journeyOrder: 7004, cards: 1 },
      ],
      stages,
    )
    expect(steps.map((s) => [s.key, s.count, s.dropOff])).toEqual([
      ['acquisition', 10, null],
      ['sale', 6, 0.4],
      ['contract', 3, 0.5],
      ['paid', 3, 0],
      ['onboarded', 3, 0],
      ['renewed', 1, 0.667],
    ])
  })

  it('never counts more at a step than at the one before, whatever the cards reached', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            journeyOrder: fc.constantFrom(...stages.map((s) => s.journeyOrder)),
            cards: fc.nat(50),
          }),
        ),
        (reach) => {
          const steps = cohortFunnel(reach, stages)
          for (const s of steps) expect(s.dropOff === null || s.dropOff >= 0).toBe(true)
        },
      ),
    )
  })
})

describe('flow accumulation', () => {
  it('rolls cards forward day by day and leaves out empty rows', () => {
    const rows = accumulateFlow(
      [{ stageId: 'a', tier: 'A', cards: 2 }],
      [
        { day: '2026-11-02', stageId: 'a', tier: 'A', delta: -2, entered: 0, enteredPhase: 0 },
        { day: '2026-11-02', stageId: 'b', tier: 'A', delta: 2, entered: 2, enteredPhase: 2 },
      ],
      daysBetween('2026-11-01', '2026-11-03'),
    )
    expect(rows.map((r) => `${r.day} ${r.stageId} ${r.cards}/${r.entered}`)).toEqual([
      '2026-11-01 a 2/0',
      '2026-11-02 b 2/2',
      '2026-11-03 b 2/0',
    ])
  })
})

describe('the capacity forecast', () => {
  const capacity = { intern: 4, junior: 8, middle: 12, senior: 16, lead: 6 }
  const phase = { phaseId: 'care', arrivalsPerDay: 1, daysInPhase: 20, cardsNow: 10 }
  const team = {
    leadId: 'lead',
    name: 'Team',
    loadByPhase: { care: 15 },
    capacities: [6, 12, 12],
    directReports: 6,
    hireGrade: 'middle' as const,
    hireRoleId: 'account_manager',
  }
  const options = {
    today: '2026-12-01',
    weeks: 8,
    spanLimit: 7,
    capacity,
    whatIf: { inflowChange: 0, addGrade: null },
  }

  it('follows Little’s law: cards settle at arrivals × time in phase', () => {
    expect(phaseCardsAfter(phase, 1, 0)).toBe(10)
    expect(phaseCardsAfter(phase, 1, 10_000)).toBeCloseTo(20)
    expect(phaseCardsAfter(phase, 1.5, 10_000)).toBeCloseTo(30)
    expect(phaseCardsAfter({ ...phase, daysInPhase: 0 }, 1, 70)).toBe(10)
  })

  it('says when a team passes 100% and whom to hire, and when the span passes 7', () => {
    // 1.5 points per card; cards go 10 → 20, so load 15 → 30 against capacity 30.
    const [f] = forecastTeams([phase], [{ ...team, directReports: 7 }], {
      ...options,
      whatIf: { inflowChange: 0.2, addGrade: null },
    })
    expect(f?.weeks[0]).toMatchObject({ date: '2026-12-01', load: 15, capacity: 30, span: 7 })
    expect(f?.overCapacity).toMatchObject({
      hireGrade: 'middle',
      hireRoleId: 'account_manager',
      people: 1,
    })
    const first = f?.weeks.find((w) => (w.utilisation ?? 0) > 1)
    expect(f?.overCapacity?.date).toBe(first?.date)
    expect(f?.spanPassed).toMatchObject({ span: 8 })
    expect(f?.weeks.every((w, i) => i === 0 || w.load >= (f.weeks[i - 1]?.load ?? 0))).toBe(true)
  })

  it('moves the curve with the what-if: less inflow or one more person keeps it under 100%', () => {
    const [less] = forecastTeams([phase], [team], {
      ...options,
      whatIf: { inflowChange: -0.3, addGrade: null },
    })
    expect(less?.overCapacity).toBeNull()
    const [more] = forecastTeams([phase], [team], {
      ...options,
      whatIf: { inflowChange: 0.2, addGrade: 'senior' },
    })
    expect(more?.weeks[0]?.capacity).toBe(46)
    expect(more?.overCapacity).toBeNull()
    expect(more?.weeks[0]?.span).toBe(7)
  })
})

describe('the lead’s week', () => {
  const n = (
    key: string,
    before: number,
    now: number,
    unit: 'count' | 'share' = 'count',
  ): WatchedNumber => ({
    key,
    label: { ru: key, en: key },
    before,
    now,
    unit,
  })

  it('keeps the five numbers that moved most, relative to where they were', () => {
    const top = topMovers([
      n('a', 10, 11),
      n('b', 10, 20),
      n('c', 0, 3),
      n('d', 5, 5),
      n('e', 100, 50),
      n('f', 0.9, 0.6, 'share'),
      n('g', 4, 5),
    ])
    expect(top.map((t) => t.key)).toEqual(['c', 'b', 'e', 'f', 'g'])
    expect(moverLine(n('x', 0.9, 0.6, 'share'), 'en')).toBe('x: 90% → 60% (−33%)')
  })
})

describe('CSV', () => {
  it('writes a BOM, semicolons and decimal commas for Russian, and quotes what needs it', () => {
    expect(
      tableCsv(
        ['Этап', 'Доля'],
        [
          ['Пилот; тест', 0.5],
          ['=cmd', null],
        ],
        'ru',
      ),
    ).toBe('\uFEFFЭтап;Доля\r\n"Пилот; тест";0,5\r\n\'=cmd;\r\n')
    expect(tableCsv(['a'], [['say "hi"']], 'en')).toBe('\uFEFFa\r\n"say ""hi"""\r\n')
  })
})
