/** A table cell as exported: text, a number, or nothing. */
export type CsvCell = string | number | null

/**
 * A CSV file a spreadsheet opens right: a UTF-8 byte-order mark (Excel reads Cyrillic then),
 * semicolons for Russian (its spreadsheets use the comma for decimals), commas otherwise, CRLF
 * line ends, and quotes around any cell holding the separator, a quote or a line break. A cell
 * starting with = + - @ gets a leading apostrophe so it is never run as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][], lang: 'ru' | 'en') {
  const sep = lang === 'ru' ? ';' : ','
  const cell = (v: CsvCell) => {
    if (v === null) return ''
    let s = typeof v === 'number' ? (lang === 'ru' ? String(v).replace('.', ',') : String(v)) : v
    if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replaceAll('"', '""')}"` : s
  }
  const lines = [header, ...rows].map((r) => r.map(cell).join(sep))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
