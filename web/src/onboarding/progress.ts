import type { MyOnboarding, ProgressStatus } from '../../../schema/onboarding'

type Track = MyOnboarding['tracks'][number]
type Item = Track['items'][number]

/** Whole percent done, 0 for nothing to do. */
export function percent(completed: number, total: number): number {
  return total > 0 ? Math.round((Math.min(completed, total) / total) * 100) : 0
}

/** The mark that completes an item: articles are read, checklist items done. */
export const doneStatus = (kind: Item['kind']): ProgressStatus =>
  kind === 'article' ? 'read' : 'done'

/** The status a click on the item's toggle asks for. */
export const toggledStatus = (item: Pick<Item, 'kind' | 'status'>): ProgressStatus =>
  item.status === 'todo' ? doneStatus(item.kind) : 'todo'

/** Two items are the same text when they point at the same article (in any language). */
const sameText = (a: Item, b: Item) =>
  a.id === b.id ||
  (a.kind === 'article' &&
    b.kind === 'article' &&
    !!a.articleIds &&
    !!b.articleIds &&
    ((!!a.articleIds.ru && a.articleIds.ru === b.articleIds.ru) ||
      (!!a.articleIds.en && a.articleIds.en === b.articleIds.en)))

/**
 * The progress after marking one item, as the server will count it: an article read once is
 * read in every track it appears in. Counts are recomputed; nothing else changes.
 */
export function applyMark(
  me: MyOnboarding,
  itemId: string,
  status: ProgressStatus,
  at: string | null,
): MyOnboarding {
  const target = me.tracks.flatMap((t) => t.items).find((i) => i.id === itemId)
  if (!target) return me
  const tracks = me.tracks.map((track) => {
    const items = track.items.map((item) =>
      sameText(item, target) ? { ...item, status, at: status === 'todo' ? null : at } : item,
    )
    return { ...track, items, completed: items.filter((i) => i.status !== 'todo').length }
  })
  // Shared articles are counted once per track, as the server does.
  const all = tracks.flatMap((t) => t.items)
  return { ...me, tracks, completed: all.filter((i) => i.status !== 'todo').length }
}

/** Done when there was something to do and all of it is marked. */
export const onboardingComplete = (me: Pick<MyOnboarding, 'total' | 'completed'>): boolean =>
  me.total > 0 && me.completed >= me.total

/** A track's items split as the page shows them: articles to read, then the checklist. */
export function splitItems(track: Track): { articles: Item[]; checklist: Item[] } {
  const sorted = [...track.items].sort((a, b) => a.position - b.position)
  return {
    articles: sorted.filter((i) => i.kind === 'article'),
    checklist: sorted.filter((i) => i.kind === 'checklist'),
  }
}

/** The article to open for an item: the one in the interface language, else the other. */
export function itemArticleId(item: Pick<Item, 'articleIds'>, lang: 'ru' | 'en'): string | null {
  if (!item.articleIds) return null
  return item.articleIds[lang] ?? item.articleIds[lang === 'ru' ? 'en' : 'ru'] ?? null
}
