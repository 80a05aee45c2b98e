import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

/**
 * Keys longer than this trigger a re-key of the column. Inserting again and again at one spot
 * halves the gap each time and grows the key by about one character per six inserts; well
 * before it hurts, the whole column gets fresh, evenly spaced keys in one batch.
 */
export const MAX_KEY_LENGTH = 48

/** Where a card lands: between the keys of its new neighbours (null = column edge). */
export interface Neighbours {
  before: string | null
  after: string | null
}

/** The key that sorts strictly between two neighbours' keys. */
export function keyBetween({ before, after }: Neighbours): string {
  return generateKeyBetween(before, after)
}

/** Whether a key has grown long enough that its column should be re-keyed. */
export function needsRekey(key: string): boolean {
  return key.length > MAX_KEY_LENGTH
}

/** `n` short, evenly spaced, ascending keys: a column's worth of fresh positions. */
export function freshKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n)
}

/** Orders cards by key; ids break ties so two equal keys never flicker. */
export function compareByPosition(
  a: { position: string; id: string },
  b: { position: string; id: string },
): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** `n` ascending keys after `before` (null: an empty column): cards appended in one go. */
export function keysAfter(before: string | null, n: number): string[] {
  return generateNKeysBetween(before, null, n)
}
