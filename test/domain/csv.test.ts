import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCsv, parseCsv, readCsv } from '../../shared/csv-read'
import { defuse, toCsv, type CsvColumn } from '../../shared/csv-write'

interface Row {
  name: string
  score: number | null
}
const columns: CsvColumn<Row>[] = [
  { header: 'Клиент', value: (r) => r.name },
  { header: 'Score', value: (r) => r.score },
]

/** Windows-1251 bytes of a text (Cyrillic, ASCII and the few signs the tests use). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) return code
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
    if (ch === 'ё') return 0xb8
    if (ch === 'Ё') return 0xa8
    if (ch === '«') return 0xab
    if (ch === '»') return 0xbb
    throw new Error(`no cp1251 byte for ${ch}`)
  })
}

describe('the CSV writer', () => {
  it('starts with a BOM and uses semicolons and decimal commas for Russian, commas for English', () => {
    const rows = [{ name: 'ООО «Ромашка»', score: 12.5 }]
    expect(toCsv(rows, columns, 'ru')).toBe('\uFEFFКлиент;Score\r\nООО «Ромашка»;12,5\r\n')
    expect(toCsv(rows, columns, 'en')).toBe('\uFEFFКлиент,Score\r\nООО «Ромашка»,12.5\r\n')
  })

  it('quotes cells holding the separator, quotes, line breaks or edge spaces', () => {
    const rows = [
      { name: 'Иванов; Петров', score: null },
      { name: 'He said "hi"', score: 1 },
      { name: 'two\nlines', score: 2 },
      { name: ' padded', score: 3 },
    ]
    expect(toCsv(rows, columns, 'ru').split('\r\n').slice(1, 5)).toEqual([
      '"Иванов; Петров";',
      '"He said ""hi""";1',
      '"two\nlines";2',
      '" padded";3',
    ])
    // A comma needs no quotes where the separator is a semicolon, and does where it is a comma.
    expect(toCsv([{ name: 'a,b', score: 1 }], columns, 'ru')).toContain('\r\na,b;1')
    expect(toCsv([{ name: 'a,b', score: 1 }], columns, 'en')).toContain('\r\n"a,b",1')
  })

  it('defuses text that a spreadsheet would run as a formula, but not numbers', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rx']) {
      expect(defuse(evil)).toBe(`'${evil}`)
    }
    expect(defuse('Ромашка')).toBe('Ромашка')
    expect(toCsv([{ name: '=1+1', score: -5 }], columns, 'en')).toContain("\r\n'=1+1,-5\r\n")
  })

  it('writes what the reader reads back, whatever the text', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 })
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('ru', 'en'),
        (names, locale) => {
          const rows = names.map((name) => ({ name: `x${name}`, score: null }))
          const table = parseCsv(toCsv(rows, columns, locale as 'ru' | 'en'))
          expect(table.headers).toEqual(['Клиент', 'Score'])
          expect(table.records.map((r) => r.cells[0])).toEqual(rows.map((r) => defuse(r.name)))
        },
      ),
    )
  })
})

describe('the CSV reader', () => {
  it('reads a Windows-1251 file with semicolons, quoted fields and a break inside a quote', () => {
    const text =
      'Название;Компания;Тир\r\n' +
      'Иван;"ООО ""Ёлка""; и партнёры";A\r\n' +
      '\r\n' +
      'Пётр;"Две\r\nстроки";B\r\n' +
      'Анна;Ромашка;C\r\n'
    const table = readCsv(cp1251(text))
    expect(table.encoding).toBe('windows-1251')
    expect(table.delimiter).toBe(';')
    expect(table.headers).toEqual(['Название', 'Компания', 'Тир'])
    expect(table.records).toEqual([
      { line: 2, cells: ['Иван', 'ООО "Ёлка"; и партнёры', 'A'] },
      { line: 4, cells: ['Пётр', 'Две\r\nстроки', 'B'] },
      { line: 6, cells: ['Анна', 'Ромашка', 'C'] },
    ])
  })

  it('reads UTF-8 with a BOM and commas, and tells the encodings apart', () => {
    const bytes = new TextEncoder().encode('\uFEFFname,company\nИван,Ёлка\n')
    const table = readCsv(bytes)
    expect(table.encoding).toBe('utf-8')
    expect(table.headers).toEqual(['name', 'company'])
    expect(table.records).toEqual([{ line: 2, cells: ['Иван', 'Ёлка'] }])
    expect(decodeCsv(cp1251('Ёлка')).text).toBe('Ёлка')
  })
})
