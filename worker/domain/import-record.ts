import { cleanSingleLine } from '../../schema/common'
import { Email } from '../../schema/contacts'
import type { ImportRow, RowError } from '../../schema/imports'
import { Money } from '../../schema/record'
import { normaliseEmail, normalisePhone } from './contact-fields'

/**
 * A row's contact as the file gives it. A field left `undefined` was empty in the file: an
 * existing contact keeps what it has there (an empty cell never erases).
 */
export interface ImportContact {
  name: string
  position?: string
  phone?: string
  email?: string
}

/** Money in minor units; a field the file leaves empty is not there. */
export interface ImportMoney {
  contractValue?: number
  monthlyRevenue?: number
}

/** The client's record columns of one row, checked. */
export interface ImportRecord {
  contact: ImportContact | null
  money: ImportMoney
  sourceId: string | null
}

const MAX_TEXT = 200

// Spaces of every width (Excel writes a no-break space between thousands in Russian), currency
// signs and words a sheet puts beside an amount.
const NOISE = /[\s\u00a0\u2009\u202f']|₽|руб\.?|р\.|rub|\$|usd|€|eur/giu

/**
 * "150 000,50 ₽", "150000.5", "1,500,000.00", "1.500.000" → minor units (15000050 …); empty →
 * null; anything else → undefined. The last separator followed by one or two digits is the
 * decimal mark; separators before groups of three digits group thousands.
 */
export function parseMoney(text: string): number | null | undefined {
  const t = text.replace(NOISE, '')
  if (t === '') return null
  const m = /^(\d{1,3}(?:([.,])\d{3})*(?:(?!\2)[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)$/.exec(t)
  if (!m) return undefined
  const decimal = /[.,](\d{1,2})$/.exec(t)
  const whole = (decimal ? t.slice(0, -decimal[0].length) : t).replace(/[.,]/g, '')
  const cents = decimal ? Number((decimal[1] ?? '').padEnd(2, '0')) : 0
  const minor = Number(whole) * 100 + cents
  return Money.safeParse(minor).success ? minor : undefined
}

/**
 * Checks the contact, money and source columns of a row, listing every problem with the row's
 * line. A source must be on the list admins keep: an unknown name is an error, not a new entry
 * (a typo would otherwise grow the list that reports group by).
 */
export function checkRecord(
  row: ImportRow,
  sources: ReadonlyMap<string, string>,
  keyOf: (text: string) => string,
): { record: ImportRecord; errors: RowError[] } {
  const errors: RowError[] = []
  const fail = (field: string, message: string) => errors.push({ line: row.line, field, message })
  const text = (field: 'contactName' | 'contactPosition') => {
    const value = cleanSingleLine(row[field] ?? '')
    if (value.length > MAX_TEXT) fail(field, `is longer than ${MAX_TEXT} characters`)
    return value
  }
  const name = text('contactName')
  const position = text('contactPosition')
  const phoneText = (row.contactPhone ?? '').trim()
  const phone = phoneText ? normalisePhone(phoneText) : null
  if (phoneText && !phone) {
    fail('contactPhone', `${JSON.stringify(phoneText)} is not a phone with 8 to 15 digits`)
  }
  const emailText = (row.contactEmail ?? '').trim()
  const email = emailText ? normaliseEmail(emailText) : ''
  if (email && !Email.safeParse(email).success) {
    fail('contactEmail', `${JSON.stringify(emailText)} is not an e-mail address`)
  }
  if (!name && (position || phoneText || emailText)) {
    fail('contactName', 'is empty: a contact with a phone, e-mail or position needs a name')
  }
  const contact: ImportContact | null = name
    ? {
        name,
        ...(position ? { position } : {}),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      }
    : null
  const money: ImportMoney = {}
  for (const field of ['contractValue', 'monthlyRevenue'] as const) {
    const value = parseMoney(row[field] ?? '')
    if (value === undefined) {
      fail(field, `${JSON.stringify(row[field])} is not an amount of money, e.g. 150 000,50`)
    } else if (value !== null) money[field] = value
  }
  const sourceText = cleanSingleLine(row.source ?? '')
  const sourceId = sourceText ? (sources.get(keyOf(sourceText)) ?? null) : null
  if (sourceText && !sourceId) {
    fail('source', `no source named ${JSON.stringify(sourceText)} in the list of sources`)
  }
  return { record: { contact, money, sourceId }, errors }
}
