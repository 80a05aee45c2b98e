import { escapeHtml } from '../../shared/safe-url'

/** Words beyond this many in a query are ignored. */
const MAX_TERMS = 12

/** What snippet() wraps matches in: control characters that cannot survive in indexed text. */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

/**
 * Folds ё to е, as the index does (SQLite's unicode61 keeps them apart, Russian writers do
 * not): "счёт" and "счет" find each other.
 */
export function foldYo(text: string): string {
  return text.replaceAll('ё', 'е').replaceAll('Ё', 'Е')
}

/**
 * Turns what a person typed into an FTS5 query: every word must match, each as a prefix
 * ("догов" finds "договора"). Words are quoted, so FTS5 syntax in the input (quotes, NEAR,
 * column filters, `*`, `-`) is just text; returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = foldYo(input.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words
    .slice(0, MAX_TERMS)
    .map((w) => `"${w}"*`)
    .join(' ')
}

/**
 * A snippet from the index as safe HTML: the text escaped first, then the match markers
 * replaced by <mark> — so the only markup in it is ours.
 */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>')
}
