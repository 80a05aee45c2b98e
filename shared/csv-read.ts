/**
 * Reads a CSV export from amoCRM, Bitrix24 or Excel: UTF-8 (with or without BOM) or
 * Windows-1251, comma, semicolon or tab separated, quoted fields with separators and line
 * breaks inside. Parsing is papaparse's; what we add is the encoding guess and the line number
 * each record starts on, so errors point at the line a person sees in their editor.
 */
import Papa from 'papaparse'

export type CsvEncoding = 'utf-8' | 'windows-1251'

/** A parsed file: the header row and every record with the line it starts on. */
export interface CsvTable {
  encoding: CsvEncoding
  delimiter: string
  headers: string[]
  records: { line: number; cells: string[] }[]
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a Windows-1251 Cyrillic text practically never is),
 * otherwise Windows-1251, the code page Russian Excel and 1C save "CSV" in.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' }
  }
}

/** Parses decoded text; the first non-empty record is the header. */
export function parseCsv(text: string, encoding: CsvEncoding = 'utf-8'): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const records: CsvTable['records'] = []
  // papaparse tells where each record ends (cursor); its start is the previous end, so the
  // line is one more than the line breaks before it (a quoted break inside a field counts).
  let line = 1
  let from = 0
  const delimiter = guessDelimiter(body)
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const to = result.meta.cursor
      const cells = result.data
      const start = skipBreaks(body, from)
      line += countBreaks(body, from, start)
      if (cells.some((c) => c.trim() !== '')) records.push({ line, cells })
      line += countBreaks(body, start, to)
      from = to
    },
  })
  const [head, ...rest] = records
  return {
    encoding,
    delimiter,
    headers: (head?.cells ?? []).map((h) => h.trim()),
    records: rest,
  }
}

/** Bytes to table in one go. */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes)
  return parseCsv(text, encoding)
}

/**
 * The separator the header line uses most (outside quotes). papaparse's own guess weighs every
 * record, and free text full of commas in a semicolon file can outvote the header.
 */
function guessDelimiter(text: string): string {
  const counts = new Map([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d
  return best
}

function skipBreaks(text: string, at: number): number {
  let i = at
  while (i < text.length && (text[i] === '\r' || text[i] === '\n')) i++
  return i
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) n++
  }
  return n
}
