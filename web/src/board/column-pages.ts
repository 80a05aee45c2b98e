import { useEffect, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { getBoard, getColumnPage } from '../api/board'
import type { BoardStore } from './board-store'

/** What the server said of a column when its cards were last loaded. */
export interface ColumnMeta {
  /** Live cards in the column, filters aside. */
  total: number
  /** Cards the filters leave. */
  count: number
  /** Cards loaded then: moves since shift the counts by the column's length since. */
  loaded: number
  /** Where the next page starts (null: all loaded). */
  next: string | null
}

type Loaded = Awaited<ReturnType<typeof getBoard>>

/** The columns and their counts from a board answer. */
export function columnsOf(loaded: Loaded): {
  columns: Map<string, Client[]>
  meta: Map<string, ColumnMeta>
} {
  const columns = new Map<string, Client[]>()
  const meta = new Map<string, ColumnMeta>()
  for (const c of loaded) {
    columns.set(c.stageId, c.cards)
    meta.set(c.stageId, { total: c.total, count: c.count, loaded: c.cards.length, next: c.next })
  }
  return { columns, meta }
}

/** A column's count now: the server's, moved on by the cards that came and went since. */
export function countNow(meta: ColumnMeta | undefined, length: number) {
  if (!meta) return { total: length, count: length }
  const shift = length - meta.loaded
  return { total: meta.total + shift, count: meta.count + shift }
}

/**
 * Loads a column's pages as it scrolls, and the board's counts again after changes to cards
 * it has not loaded (the live board). One request per column at a time.
 */
export class ColumnPager {
  private readonly loading = new Set<string>()
  private countsTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly store: BoardStore,
    private readonly query: URLSearchParams,
  ) {}

  /** The next page of a column, if it has one and none is on its way. */
  more(stageId: string): void {
    const meta = this.store.meta(stageId)
    if (!meta?.next || this.loading.has(stageId)) return
    this.loading.add(stageId)
    getColumnPage(stageId, meta.next, this.query)
      .then((page) => {
        // A card already on the board (a live arrival, a move) stays where it is, once.
        const onBoard = new Set([...this.store.snapshot.values()].flat().map((c) => c.id))
        const fresh = page.cards.filter((c) => !onBoard.has(c.id))
        const now = this.store.meta(stageId) ?? meta
        this.store.setMeta(stageId, { ...now, loaded: now.loaded + fresh.length, next: page.next })
        this.store.update((columns) =>
          new Map(columns).set(stageId, [...(columns.get(stageId) ?? []), ...fresh]),
        )
      })
      .catch(() => undefined)
      .finally(() => this.loading.delete(stageId))
  }

  /** Counts again soon (several live changes in a row ask once). */
  recount(): void {
    clearTimeout(this.countsTimer)
    this.countsTimer = setTimeout(() => {
      getBoard(this.query, 0)
        .then((loaded) => {
          for (const c of loaded) {
            const meta = this.store.meta(c.stageId)
            const length = this.store.column(c.stageId).length
            if (meta)
              this.store.setMeta(c.stageId, {
                ...meta,
                total: c.total,
                count: c.count,
                loaded: length,
              })
          }
          this.store.touch()
        })
        .catch(() => undefined)
    }, 400)
  }

  stop(): void {
    clearTimeout(this.countsTimer)
  }
}

/** A column's server-side counts and paging, kept current as the store changes. */
export function useColumnMeta(store: BoardStore, stageId: string): ColumnMeta | undefined {
  const [meta, setMeta] = useState(() => store.meta(stageId))
  useEffect(() => {
    const update = () => setMeta(store.meta(stageId))
    update()
    return store.subscribe(stageId, update)
  }, [store, stageId])
  return meta
}
