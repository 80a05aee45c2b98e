import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalisePhone } from '../../worker/domain/contact-fields'
import { marginReport, monthsBetween, perHour } from '../../worker/domain/margin'
import { findMentions } from '../../worker/domain/mentions'

describe('phones', () => {
  it.each([
    ['+7 (916) 123-45-67', '+79161234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1.415.555.0100', '+14155550100'],
  ])('normalises %s to %s', (typed, e164) => expect(normalisePhone(typed)).toBe(e164))

  it.each(['12-34', '+0 123 456 789', '+1234567890123456', ''])('refuses %j', (typed) =>
    expect(normalisePhone(typed)).toBeNull(),
  )

  it('gives the same number however it is spaced', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{9,13}$/),
        fc.constantFrom(' ', '-', '.', ''),
        (d, sep) => {
          const spaced = `+${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}`
          expect(normalisePhone(spaced)).toBe(`+${d}`)
        },
      ),
    )
  })
})

describe('mentions', () => {
  const members = [
    { id: 'm-1', name: 'Анна Петрова', email: 'anna@demo.local' },
    { id: 'm-2', name: 'Анна', email: 'annabel@demo.local' },
    { id: 'm-3', name: 'Иван Сидоров', email: 'ivan.s@demo.local' },
  ]
  it('finds full names (the longest wins) and e-mail handles, each once', () => {
    expect(findMentions('@Анна Петрова и @ivan.s, и снова @анна петрова.', members)).toEqual([
      'm-1',
      'm-3',
    ])
  })
  it('ignores e-mail addresses and longer handles', () => {
    expect(findMentions('пишите на x@anna.ru, @annabelle', members)).toEqual([])
    expect(findMentions('@Анна, привет', members)).toEqual(['m-2'])
  })
})

describe('margin per hour', () => {
  it('counts months from the start and divides by the hours', () => {
    const client = {
      clientId: 'c',
      name: 'C',
      accountManagerId: 'm',
      currency: 'RUB',
      monthlyRevenue: 100_000_00,
      marginPercent: 25,
      startDate: '2026-02-10',
    }
    const months = monthsBetween('2025-12', '2026-03')
    expect(months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03'])
    const r = marginReport([client], new Map([['c', 120]]), new Map([['m', 'Мария']]), months)
    // Two active months × 25 000 ₽ = 50 000 ₽ over 2 hours.
    expect(r.clients[0]).toMatchObject({ margin: 50_000_00, marginPerHour: 25_000_00 })
    expect(r.managers[0]).toMatchObject({ name: 'Мария', marginPerHour: 25_000_00 })
  })

  it('rounds half up exactly, with no floats, for any money and minutes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(12n * 10n ** 13n), max: 12n * 10n ** 13n }),
        fc.integer({ min: 1, max: 10 ** 7 }),
        (m, min) => {
          const got = BigInt(perHour(m, min) ?? 0)
          // got is the integer nearest m·60/min, halves up: |2·got·min − 2·60·m| ≤ min, and not −min.
          const diff = 2n * got * BigInt(min) - 120n * m
          expect(diff <= BigInt(min) && diff > -BigInt(min)).toBe(true)
        },
      ),
    )
  })
})
