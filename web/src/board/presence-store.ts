import { useEffect, useState } from 'preact/hooks'
import type { PresentUser } from '../../../schema/live'

type Listener = () => void

/**
 * Who else has the board open and what they drag, as the board's socket last said. Ephemeral:
 * it lives only here and in the board's object, never in D1.
 */
export class PresenceStore {
  private state: readonly PresentUser[] = []
  private readonly listeners = new Set<Listener>()

  constructor(private readonly selfId: string) {}

  /** Everyone but us, in the server's order. */
  get others(): readonly PresentUser[] {
    return this.state
  }

  set(users: readonly PresentUser[]): void {
    this.state = users.filter((u) => u.id !== this.selfId)
    for (const listener of this.listeners) listener()
  }

  /** The name of someone else dragging this card, if anyone is. */
  draggedBy(clientId: string): string | null {
    return this.state.find((u) => u.dragging === clientId)?.name ?? null
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** Re-renders when what `read` picks out of the presence changes. */
export function usePresence<T>(store: PresenceStore, read: (s: PresenceStore) => T): T {
  const [value, setValue] = useState(() => read(store))
  useEffect(() => {
    const update = () => setValue(() => read(store))
    update()
    return store.subscribe(update)
  }, [store])
  return value
}
