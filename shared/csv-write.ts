/**
 * CSV that Excel opens as it should: a UTF-8 byte-order mark (without it Excel reads UTF-8 as
 * the ANSI code page and Cyrillic turns to mojibake), the list separator of the reader's locale
 * (Russian Excel splits on semicolons and writes decimals with a comma; English on commas), CRLF
 * line ends, and every text cell that a spreadsheet would run as a formula defused.
 */

export type CsvLocale = 'ru' | 'en'
export type CsvCell = string | number | boolean | null | undefined

/** One column of an export: its header and how a row gives its cell. */
export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvCell
}

const BOM = '\uFEFF'

/** Separators per locale: Excel's list separator and decimal mark in that locale. */
export const CSV_FORMAT: Record<CsvLocale, { delimiter: string; decimal: string }> = {
  ru: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
}

// OWASP "CSV injection": a cell starting with one of these is a formula (tab and carriage
// return too, which some readers strip before looking).
const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell made safe: a would-be formula gets a leading apostrophe, which Excel shows as text. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function cellText(cell: CsvCell, locale: CsvLocale): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'boolean') return cell ? '1' : '0'
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return ''
    return String(cell).replace('.', CSV_FORMAT[locale].decimal)
  }
  return defuse(cell)
}

function quote(text: string, delimiter: string): string {
  const needs =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text !== text.trim()
  return needs ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The whole file: BOM, a header line, one line per row. Numbers are written in the locale's
 * decimal notation (so Excel keeps them numbers); text is defused and quoted where needed.
 */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  locale: CsvLocale,
): string {
  const { delimiter } = CSV_FORMAT[locale]
  const line = (cells: CsvCell[]) =>
    cells.map((c) => quote(cellText(c, locale), delimiter)).join(delimiter)
  const lines = [
    line(columns.map((c) => c.header)),
    ...rows.map((r) => line(columns.map((c) => c.value(r)))),
  ]
  return BOM + lines.join('\r\n') + '\r\n'
}

/** A table given as a header line and rows of cells (reports build their tables so). */
export function tableCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  locale: CsvLocale,
): string {
  const columns = header.map((h, i) => ({ header: h, value: (row: readonly CsvCell[]) => row[i] }))
  return toCsv(rows, columns, locale)
}
