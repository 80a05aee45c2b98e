/**
 * The Markdown subset the knowledge base renders, as a tree. Text nodes hold raw text: only
 * the renderers decide how it is escaped, so no parser path can emit markup by itself.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  /** `href` is null when the target was unsafe: the text stays, the link goes. */
  | { type: 'link'; href: string | null; children: Inline[] }
  | { type: 'br' }

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'hr' }

/** Nesting deeper than this (quotes, lists, emphasis) is kept as plain text. */
export const MAX_DEPTH = 12

/**
 * Characters one render may scan looking for closing marks and brackets. Hostile input (a
 * body of 50,000 unmatched `*`) would otherwise cost seconds of CPU on every read; past the
 * budget, marks simply stay text. Real articles use a small fraction of it.
 */
export const SCAN_BUDGET = 400_000

export interface ParseCtx {
  depth: number
  /** Shared by reference across the whole render. */
  budget: { left: number }
}
