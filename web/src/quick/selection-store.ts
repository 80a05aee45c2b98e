import { useEffect, useState } from 'preact/hooks'

type Listener = () => void

/**
 * The cards picked for a bulk action, and the one card being renamed in place. Kept apart from
 * the board's cards so picking a card re-renders that card and the bulk bar, nothing else.
 */
export class SelectionStore {
  private ids: ReadonlySet<string> = new Set()
  private renamingId: string | null = null
  private readonly listeners = new Set<Listener>()

  get selected(): ReadonlySet<string> {
    return this.ids
  }

  get renaming(): string | null {
    return this.renamingId
  }

  toggle(id: string): void {
    const next = new Set(this.ids)
    if (!next.delete(id)) next.add(id)
    this.set(next)
  }

  /** Drops the given cards from the selection (all of them when none are given). */
  clear(ids?: Iterable<string>): void {
    if (!ids) return this.set(new Set())
    const next = new Set(this.ids)
    for (const id of ids) next.delete(id)
    this.set(next)
  }

  rename(id: string | null): void {
    this.renamingId = id
    this.emit()
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(ids: ReadonlySet<string>): void {
    this.ids = ids
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}

/** A value read from the selection, re-rendering only when that value changes. */
export function useSelection<T>(store: SelectionStore, read: (s: SelectionStore) => T): T {
  const [value, setValue] = useState(() => read(store))
  useEffect(() => {
    const update = () => setValue(() => read(store))
    update()
    return store.subscribe(update)
  }, [store])
  return value
}
