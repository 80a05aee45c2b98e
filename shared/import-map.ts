/**
 * Which column of a parsed file feeds which client field, and the rows that mapping makes.
 * Both tiers use it: the web to build what it posts, the tests to post what the web would.
 */
import type { ImportField, ImportRow } from '../schema/imports'
import type { CsvTable } from './csv-read'

/** Column header → `name`, `company`, … or `person:<roleId>`; a column left out is ignored. */
export type ImportMapping = Record<string, string>

/** Words a header of amoCRM, Bitrix24 or a hand-made sheet uses for each field (lower case). */
const HINTS: [ImportField, RegExp][] = [
  // Before the external id: "Номер телефона" is a phone, not a number of the record.
  ['contactPhone', /(телефон|phone|моб)/],
  ['contactEmail', /(e-?mail|почт|имейл)/],
  ['contactPosition', /(должност|position|job title)/],
  ['externalId', /^(id|ид|external|внешн|код|№|номер)/],
  ['company', /(компан|company|организац|юрлиц|контрагент)/],
  ['contactName', /(контакт|contact|фио)/],
  ['monthlyRevenue', /(ежемесяч|в месяц|monthly|mrr|абонент)/],
  ['contractValue', /(сумм|бюджет|стоимост|amount|budget|value)/],
  ['source', /(источник|source|канал)/],
  ['name', /(назван|name|имя|клиент|client|контакт|сделк)/],
  ['tier', /(tier|тир|категор|сегмент|класс)/],
  ['score', /(score|скор|балл|оценк)/],
  ['stage', /(stage|этап|стади|статус)/],
]

/** A first guess from the headers and the roles' names; the person checks it on screen. */
export function guessMapping(
  headers: readonly string[],
  roles: readonly { id: string; name: { ru: string; en: string } }[],
): ImportMapping {
  const mapping: ImportMapping = {}
  const taken = new Set<string>()
  for (const header of headers) {
    const h = header.trim().toLowerCase()
    const role = roles.find(
      (r) => h.includes(r.name.ru.toLowerCase()) || h.includes(r.name.en.toLowerCase()),
    )
    const field = role ? `person:${role.id}` : HINTS.find(([, re]) => re.test(h))?.[0]
    if (field && !taken.has(field)) {
      mapping[header] = field
      taken.add(field)
    }
  }
  return mapping
}

/** The file's records as rows to post: each with its line, fields from the mapped columns. */
export function toImportRows(table: CsvTable, mapping: ImportMapping): ImportRow[] {
  const columns = table.headers.map((h) => mapping[h] ?? '')
  return table.records.map(({ line, cells }) => {
    const row: ImportRow = { line }
    columns.forEach((field, i) => {
      const cell = cells[i] ?? ''
      if (field.startsWith('person:')) row.people = { ...row.people, [field.slice(7)]: cell }
      else if (field) row[field as ImportField] = cell
    })
    return row
  })
}
