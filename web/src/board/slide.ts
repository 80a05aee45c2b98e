const SLIDE_MS = 450

const slotOf = (clientId: string) =>
  document
    .querySelector(`.board [data-client-id="${CSS.escape(clientId)}"]`)
    ?.closest<HTMLElement>('.card-slot') ?? null

/**
 * Runs `change` and lets the given cards glide from where they were drawn to where they land
 * (FLIP: measure first, change, then animate the difference away). Cards out of view before or
 * after simply appear; reduced motion turns it off.
 */
export function slide(clientIds: readonly string[], change: () => void): void {
  const quiet = matchMedia('(prefers-reduced-motion: reduce)').matches
  const first = new Map<string, DOMRect>()
  if (!quiet) {
    for (const id of clientIds) {
      const rect = slotOf(id)?.getBoundingClientRect()
      if (rect) first.set(id, rect)
    }
  }
  change()
  if (first.size === 0) return
  // The columns re-render before the next frame: measure where the cards landed then.
  requestAnimationFrame(() => {
    for (const [id, was] of first) {
      const slot = slotOf(id)
      if (!slot) continue
      const now = slot.getBoundingClientRect()
      const dx = was.left - now.left
      const dy = was.top - now.top
      if (dx === 0 && dy === 0) continue
      slot.animate(
        [
          { transform: `translate(${dx}px, ${dy}px)`, zIndex: 5 },
          { transform: 'none', zIndex: 5 },
        ],
        { duration: SLIDE_MS, easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)' },
      )
    }
  })
}
