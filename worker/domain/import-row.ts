import { cleanSingleLine } from '../../schema/common'
import type { Tier } from '../../schema/clients'
import type { ImportRow, RowError } from '../../schema/imports'
import { checkRecord, type ImportRecord } from './import-record'

/** What a row is checked against: stages by any of their names, members by e-mail. */
export interface ImportLookups {
  /** Lower-cased stage id, Russian name and English name → stage id. */
  stages: ReadonlyMap<string, string>
  /** Lower-cased e-mail → member id. */
  members: ReadonlyMap<string, string>
  roles: ReadonlySet<string>
  /** Lower-cased source id, Russian name and English name → source id (live entries only). */
  sources: ReadonlyMap<string, string>
}

/** A row as it goes into the board. People only name roles the file fills: nobody is removed. */
export interface CheckedRow {
  line: number
  externalId: string
  name: string
  company: string
  tier: Tier
  score: number | null
  stageId: string
  people: Record<string, string>
  /** Contact, money and source: what the row brings to the client's record. */
  record: ImportRecord
}

// Spreadsheets in Russian often carry Cyrillic А, В, С that look like the Latin tiers.
const TIERS: Record<string, Tier> = { a: 'A', b: 'B', c: 'C', а: 'A', в: 'B', с: 'C' }

const MAX_TEXT = 200

/** The lower-cased key a name is looked up by (spaces folded, ё as е). */
export const lookupKey = (text: string) =>
  cleanSingleLine(text).toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ')

/**
 * Checks one record: every problem is listed (not just the first), each with the row's line
 * and the field, so a dry run shows the whole file's errors at once.
 */
export function checkRow(
  row: ImportRow,
  lookups: ImportLookups,
): { row: CheckedRow; errors: [] } | { row: null; errors: RowError[] } {
  const errors: RowError[] = []
  const fail = (field: string, message: string) => errors.push({ line: row.line, field, message })
  const text = (field: 'externalId' | 'name' | 'company') => {
    const value = cleanSingleLine(row[field] ?? '')
    if (!value) fail(field, 'is empty')
    else if (value.length > MAX_TEXT) fail(field, `is longer than ${MAX_TEXT} characters`)
    return value
  }
  const externalId = text('externalId')
  const name = text('name')
  const company = text('company')
  const tierText = (row.tier ?? '').trim().toLowerCase()
  const tier = TIERS[tierText]
  if (!tier) fail('tier', `${JSON.stringify(row.tier ?? '')} is not a tier: A, B or C`)
  const score = parseScore(row.score ?? '')
  if (score === undefined) fail('score', `${JSON.stringify(row.score)} is not a whole number 0–100`)
  const stageId = lookups.stages.get(lookupKey(row.stage ?? ''))
  if (!stageId) fail('stage', `no stage named ${JSON.stringify(row.stage ?? '')}`)
  const people: Record<string, string> = {}
  for (const [roleId, email] of Object.entries(row.people ?? {})) {
    const field = `people.${roleId}`
    if (!lookups.roles.has(roleId)) fail(field, `no journey role ${JSON.stringify(roleId)}`)
    const key = email.trim().toLowerCase()
    if (!key) continue
    const memberId = lookups.members.get(key)
    if (!memberId) fail(field, `no member with the e-mail ${JSON.stringify(email.trim())}`)
    else people[roleId] = memberId
  }
  const { record, errors: recordErrors } = checkRecord(row, lookups.sources, lookupKey)
  errors.push(...recordErrors)
  if (errors.length || !tier || score === undefined || !stageId) return { row: null, errors }
  return {
    row: { line: row.line, externalId, name, company, tier, score, stageId, people, record },
    errors: [],
  }
}

/** "85", "85,0", " 85 " → 85; empty → null; anything else → undefined. */
function parseScore(text: string): number | null | undefined {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  const n = Number(t)
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined
}
