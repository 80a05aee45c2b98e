import type { Client } from '../../../schema/clients'
import { changedStages, type Columns } from './board-state'
import type { ColumnMeta } from './column-pages'

type Listener = () => void

/**
 * The cards of the board, with a subscription per column: a move notifies the two columns it
 * touched (and whoever watches them, such as their phase headers), never the whole board.
 */
export class BoardStore {
  private columns: Columns
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly watchers = new Set<Listener>()
  /** Per column, what the server said of it (counts, the next page); none: all loaded. */
  private readonly metas = new Map<string, ColumnMeta>()
  /** Asks for a column's next page (set by the page that loads the board). */
  more: (stageId: string) => void = () => undefined
  /** Asks the server for the columns' counts again (a change to a card not loaded). */
  recount: () => void = () => undefined

  constructor(columns: Columns) {
    this.columns = columns
  }

  /** All columns as they are now (an immutable snapshot). */
  get snapshot(): Columns {
    return this.columns
  }

  column(stageId: string): readonly Client[] {
    return this.columns.get(stageId) ?? EMPTY
  }

  /** Replaces the board and notifies only the columns whose arrays changed. */
  set(next: Columns): string[] {
    const changed = changedStages(this.columns, next)
    this.columns = next
    for (const stageId of changed) {
      for (const listener of this.listeners.get(stageId) ?? []) listener()
    }
    if (changed.length > 0) for (const watcher of this.watchers) watcher()
    return changed
  }

  update(change: (columns: Columns) => Columns): string[] {
    return this.set(change(this.columns))
  }

  meta(stageId: string): ColumnMeta | undefined {
    return this.metas.get(stageId)
  }

  /** Records what the server said of a column; the column hears of it with its next change. */
  setMeta(stageId: string, meta: ColumnMeta): void {
    this.metas.set(stageId, meta)
  }

  /** Tells every column to look again (its counts changed, not its cards). */
  touch(): void {
    for (const set of this.listeners.values()) for (const listener of set) listener()
    for (const watcher of this.watchers) watcher()
  }

  /** Any change anywhere (the card drawer follows its card wherever it moves). */
  watch(listener: Listener): () => void {
    this.watchers.add(listener)
    return () => this.watchers.delete(listener)
  }

  subscribe(stageId: string, listener: Listener): () => void {
    let set = this.listeners.get(stageId)
    if (!set) this.listeners.set(stageId, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }
}

const EMPTY: readonly Client[] = []
