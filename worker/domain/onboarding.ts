import { addWorkingMs, workdayMs, type Calendar } from '../../shared/clock'
/** An onboarding item as progress sees it. */
export interface ItemRef {
  id: string
  kind: 'article' | 'checklist'
  /** The article's text (original id, shared by its translations); null for checklist items. */
  group: string | null
}

/** A member's mark on one item. */
export interface Mark {
  itemId: string
  status: 'read' | 'done'
  /** Epoch ms. */
  at: number
}

/** Articles are read, checklist items done; `todo` clears either. */
export function statusFits(kind: ItemRef['kind'], status: 'todo' | 'read' | 'done'): boolean {
  return status === 'todo' || (kind === 'article' ? status === 'read' : status === 'done')
}

/**
 * Each item's mark for one member. An article read once counts as read wherever it appears —
 * in another role's track, or in its other language — so nobody reads the same text twice.
 */
export function itemMarks(items: readonly ItemRef[], marks: readonly Mark[]): Map<string, Mark> {
  const byItem = new Map(marks.map((m) => [m.itemId, m]))
  const byGroup = new Map<string, Mark>()
  for (const item of items) {
    const mark = byItem.get(item.id)
    if (!mark || item.group === null) continue
    const seen = byGroup.get(item.group)
    if (!seen || mark.at < seen.at) byGroup.set(item.group, mark)
  }
  const result = new Map<string, Mark>()
  for (const item of items) {
    const mark = byItem.get(item.id) ?? (item.group !== null ? byGroup.get(item.group) : undefined)
    if (mark) result.set(item.id, { ...mark, itemId: item.id })
  }
  return result
}

/** How many of `items` are marked. */
export function countCompleted(items: readonly ItemRef[], marks: ReadonlyMap<string, Mark>) {
  return { total: items.length, completed: items.filter((i) => marks.has(i.id)).length }
}

/** When a step is due: `dueDays` working days after the newcomer's start (null: never). */
export function stepDueAt(startedAt: number, dueDays: number, cal: Calendar): number | null {
  return addWorkingMs(startedAt, dueDays * workdayMs(cal), cal)
}
