import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lookupKey } from '../../worker/domain/import-row'
import { parseMoney } from '../../worker/domain/import-record'
import { matchContact, planRecord } from '../../worker/domain/import-record-plan'

describe('reading money as sheets write it', () => {
  it.each([
    ['150000', 15000000],
    ['150 000,50 ₽', 15000050],
    ['150\u00a0000 руб.', 15000000],
    ['1,500,000.00', 150000000],
    ['1.500.000', 150000000],
    ['99.9', 9990],
    ['0', 0],
    // A group of three after the only separator is thousands (amounts in kopecks have two).
    ['1.005', 100500],
    ['', null],
    ['  ', null],
  ])('reads %j as %j minor units', (text, minor) => {
    expect(parseMoney(text)).toBe(minor)
  })

  it.each(['много', '-100', '1,2,3', '12.345.6', '12,34,56', '99999999999'])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text)).toBeUndefined()
    },
  )

  it('reads back any amount written in Russian or English notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (minor) => {
        const whole = Math.floor(minor / 100)
        const cents = String(minor % 100).padStart(2, '0')
        const ru = `${whole.toLocaleString('ru-RU')},${cents}`
        const en = `${whole.toLocaleString('en-US')}.${cents}`
        expect(parseMoney(ru)).toBe(minor)
        expect(parseMoney(en)).toBe(minor)
      }),
    )
  })
})

const anna = { id: 'k1', name: 'Анна', position: '', phone: '+79161234567', email: 'a@x.ru' }
const record = (contact: { name: string; email?: string; phone?: string } | null) => ({
  contact,
  money: {},
  sourceId: null,
})

describe('planning what a row writes to the record', () => {
  it('matches a contact by e-mail, then phone, then name', () => {
    const others = [{ ...anna, id: 'k2', name: 'Олег', phone: null, email: null }, anna]
    expect(matchContact(others, { name: 'X', email: 'a@x.ru' }, lookupKey)?.id).toBe('k1')
    expect(matchContact(others, { name: 'X', phone: '+79161234567' }, lookupKey)?.id).toBe('k1')
    expect(matchContact(others, { name: 'олег' }, lookupKey)?.id).toBe('k2')
    expect(matchContact(others, { name: 'Пётр', email: 'p@x.ru' }, lookupKey)).toBeUndefined()
  })

  it('writes nothing when the record already holds what the row says', () => {
    const plan = planRecord(
      'c1',
      { contact: { name: 'Анна', email: 'a@x.ru' }, money: { monthlyRevenue: 5 }, sourceId: 's' },
      {
        contacts: [anna],
        profile: { sourceId: 's', contractValue: 7, monthlyRevenue: 5 },
      },
      lookupKey,
      () => 'new',
    )
    expect(plan).toEqual({ contactInsert: null, contactUpdate: null, profile: null, events: [] })
  })

  it('adds an unknown contact and keeps what empty cells leave out', () => {
    const plan = planRecord(
      'c1',
      record({ name: 'Пётр' }),
      { contacts: [anna], profile: null },
      lookupKey,
      () => 'k9',
    )
    expect(plan.contactInsert).toEqual({
      id: 'k9',
      clientId: 'c1',
      name: 'Пётр',
      position: '',
      phone: null,
      email: null,
    })
    expect(plan.profile).toBeNull()
    expect(plan.events).toEqual([
      { kind: 'contact_added', data: { contactId: 'k9', name: 'Пётр' } },
    ])
  })
})
