import type { Client } from '../../../schema/clients'
import { changedStages, type Columns } from './board-state'

type Listener = () => void

/**
 * The cards of the board, with a subscription per column: a move notifies the two columns it
 * touched (and whoever watches them, such as their phase headers), never the whole board.
 */
export class BoardStore {
  private columns: Columns
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly watchers = new Set<Listener>()

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
