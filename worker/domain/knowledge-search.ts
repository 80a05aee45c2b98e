import { stemmer as english } from '@orama/stemmers/english'
import { stemmer as russian } from '@orama/stemmers/russian'
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

const WORD = /[\p{L}\p{N}]+/gu
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u

/**
 * A word's Snowball stem, chosen by its script: Russian for Cyrillic, English for Latin, anything
 * else (numbers, other scripts) as it is. Lower case, ё folded to е as everywhere in search.
 */
export function stem(word: string): string {
  const w = foldYo(word.normalize('NFC').toLowerCase())
  if (CYRILLIC.test(w)) return russian(w)
  if (LATIN.test(w)) return english(w)
  return w
}

/** A text as the stem index holds it: each word replaced by its stem. */
export function stemText(text: string): string {
  return (text.match(WORD) ?? []).map(stem).join(' ')
}

/** The two FTS5 queries a search runs: one over the stem index, one to mark the matches. */
export interface SearchQuery {
  /** Over the stems: every word must match, as its stem or as a prefix of one. */
  match: string
  /** Over the original text, for snippets: any word or its stem as a prefix. */
  highlight: string
}

/**
 * Turns what a person typed into FTS5 queries. Each word matches a stem equal to its own
 * («договорами» → «договор» finds «договора») or one it starts (typing «догов» finds it too).
 * Words are quoted, so FTS5 syntax in the input (quotes, NEAR, column filters, `*`, `-`) is just
 * text; returns null when nothing searchable is left.
 */
export function ftsQuery(input: string): SearchQuery | null {
  const words = (foldYo(input.normalize('NFC')).match(WORD) ?? []).slice(0, MAX_TERMS)
  if (words.length === 0) return null
  return {
    match: words.map((w) => `("${w}"* OR "${stem(w)}")`).join(' AND '),
    highlight: words.flatMap((w) => [`"${w}"*`, `"${stem(w)}"*`]).join(' OR '),
  }
}

/**
 * A snippet from the index as safe HTML: the text escaped first, then the match markers
 * replaced by <mark> — so the only markup in it is ours.
 */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>')
}
