import { useEffect, useState } from 'preact/hooks'

/** Where the dragged card would land: a stage and a slot among its shown cards (0…n). */
export interface DropSlot {
  stageId: string
  slot: number
}

export interface DragState {
  activeId: string | null
  fromStageId: string | null
  target: DropSlot | null
}

type Listener = () => void
const IDLE: DragState = { activeId: null, fromStageId: null, target: null }

/**
 * The drag in progress, with a subscription per column: moving over a column re-renders that
 * column and the one left behind, nothing else.
 */
export class DragStore {
  private state: DragState = IDLE
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly activeWatchers = new Set<(activeId: string | null) => void>()

  get current(): DragState {
    return this.state
  }

  set(next: DragState): void {
    const before = this.state
    this.state = next
    if (before.activeId !== next.activeId) {
      for (const watcher of this.activeWatchers) watcher(next.activeId)
    }
    const touched = new Set<string>()
    for (const s of [before, next]) {
      if (s.fromStageId) touched.add(s.fromStageId)
      if (s.target) touched.add(s.target.stageId)
    }
    for (const stageId of touched) {
      const was = view(before, stageId)
      const now = view(next, stageId)
      if (was.activeId !== now.activeId || was.slot !== now.slot) {
        for (const listener of this.listeners.get(stageId) ?? []) listener()
      }
    }
  }

  reset(): void {
    this.set(IDLE)
  }

  /** Hears when a card is picked up or put down (the live board tells others, and waits). */
  watchActive(watcher: (activeId: string | null) => void): () => void {
    this.activeWatchers.add(watcher)
    return () => this.activeWatchers.delete(watcher)
  }

  subscribe(stageId: string, listener: Listener): () => void {
    let set = this.listeners.get(stageId)
    if (!set) this.listeners.set(stageId, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }
}

/** What one column needs to draw: the dragged card (to dim it) and the drop indicator. */
export interface ColumnDragView {
  activeId: string | null
  slot: number | null
}

function view(state: DragState, stageId: string): ColumnDragView {
  return {
    activeId: state.fromStageId === stageId ? state.activeId : null,
    slot: state.target?.stageId === stageId ? state.target.slot : null,
  }
}

export function useColumnDrag(drag: DragStore, stageId: string): ColumnDragView {
  const [state, setState] = useState(() => view(drag.current, stageId))
  useEffect(() => {
    const update = () =>
      setState((prev) => {
        const next = view(drag.current, stageId)
        return prev.activeId === next.activeId && prev.slot === next.slot ? prev : next
      })
    update()
    return drag.subscribe(stageId, update)
  }, [drag, stageId])
  return state
}
