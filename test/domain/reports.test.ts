import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, workingMsBetween } from '../../shared/clock'
import { tableCsv } from '../../shared/csv-write'
import { accumulateFlow, daysBetween } from '../../worker/domain/reports/flow'
import { forecastTeams, phaseCardsAfter } from '../../worker/domain/reports/forecast'
import { moverLine, topMovers, type WatchedNumber } from '../../worker/domain/reports/movers'
import { measureVisits, type StageExit } from '../../worker/domain/reports/visits'
import { workingTimeIndex } from '../../worker/domain/reports/working-time-index'

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

describe('stage visits', () => {
  const exit = (over: Partial<StageExit>): StageExit => ({
    exitEventId: 1,
    clientId: 'c',
    kind: 'moved',
    stageId: 'kickoff',
    tier: 'A',
    ownerId: null,
    enteredAt: Date.parse('2026-11-13T14:00:00Z'),
    leftAt: Date.parse('2026-11-16T08:00:00Z'),
    slaDays: 3,
    fromOrder: 4002,
    toOrder: 4003,
    fromLastPhase: false,
    ...over,
  })
  const index = workingTimeIndex(cal, Date.parse('2026-11-01'), Date.parse('2026-12-01'))

  it('counts a send-back by the clock or by hand, but not renewal back into care', () => {
    const [forward, clock, byHand, cycle] = measureVisits(
      [
        exit({}),
        exit({ kind: 'returned', toOrder: 4001 }),
        exit({ toOrder: 4001 }),
        exit({ fromOrder: 7003, toOrder: 5001, fromLastPhase: true }),
      ],
      index,
      9 * H,
    )
    expect(forward).toMatchObject({ workingMs: 3 * H, slaMs: 27 * H, returned: false })
    expect([clock?.returned, byHand?.returned, cycle?.returned]).toEqual([true, true, false])
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
