// Cards have a fixed height, so a column is a plain grid of rows: which rows to render and
// where a dragged card lands are arithmetic, with no measuring of thousands of cards.

export const CARD_HEIGHT = 90
export const CARD_GAP = 8
/** One row of a column: a card and the gap below it. */
export const ROW = CARD_HEIGHT + CARD_GAP
/** Space above the first card inside the column's scroller. */
export const LIST_PAD = 4
/** Rows rendered beyond the visible ones, so a quick scroll never shows a blank. */
export const OVERSCAN = 4

/** The rows [start, end) to render for a scroller `scrollTop` down, `height` tall. */
export function visibleRows(scrollTop: number, height: number, count: number): [number, number] {
  const first = Math.floor((scrollTop - LIST_PAD) / ROW) - OVERSCAN
  const last = Math.ceil((scrollTop + height - LIST_PAD) / ROW) + OVERSCAN
  return [Math.max(0, first), Math.max(0, Math.min(count, last))]
}

/**
 * Where a dragged card lands: `top` is its top edge in list coordinates (scroller content,
 * padding included); the answer is the slot nearest to it, 0…count.
 */
export function slotAt(top: number, count: number): number {
  const slot = Math.round((top - LIST_PAD) / ROW)
  return Math.max(0, Math.min(count, slot))
}

/** The top of a slot in list coordinates: where a card dropped there would sit. */
export function slotTop(slot: number): number {
  return LIST_PAD + slot * ROW
}

/** Height of the scroller content for `count` cards. */
export function listHeight(count: number): number {
  return count === 0 ? 0 : LIST_PAD + count * ROW - CARD_GAP + LIST_PAD
}

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** Whether a box overlaps a view (`margin` px wider on either side), as the screen has them. */
export function overlapsView(box: Box, view: Box, margin = 0): boolean {
  return (
    box.right > view.left - margin &&
    box.left < view.right + margin &&
    box.bottom > view.top &&
    box.top < view.bottom
  )
}
