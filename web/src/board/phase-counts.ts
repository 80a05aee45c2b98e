import { useEffect, useState } from 'preact/hooks'
import type { BoardPhase } from './board-model'
import { useBoard } from './board-context'
import { isOverdue } from './working-days'

// One calm colour per touchpoint, in journey order; a phase beyond the seventh reuses them.
export const PHASE_COLORS = [
  '#6366f1',
  '#0ea5e9',
  '#8b5cf6',
  '#f59e0b',
  '#10b981',
  '#ec4899',
  '#64748b',
]

interface PhaseCounts {
  /** Cards the filters show, and the overdue ones among them. */
  cards: number
  overdue: number
  /** Every card of the phase, filtered or not. */
  total: number
}

/** A phase's counts, as the filters leave it; recounted only when one of its columns changes. */
export function usePhaseCounts(group: BoardPhase): PhaseCounts {
  const { store, now, calendar, shows } = useBoard()
  const count = () => {
    const counts = { cards: 0, overdue: 0, total: 0 }
    for (const stage of group.stages) {
      for (const client of store.column(stage.id)) {
        counts.total++
        if (!shows(client, stage)) continue
        counts.cards++
        if (isOverdue(client, stage.slaDays, now, calendar)) counts.overdue++
      }
    }
    return counts
  }
  const [counts, setCounts] = useState(count)
  useEffect(() => {
    const update = () =>
      setCounts((prev) => {
        const next = count()
        const same = (Object.keys(next) as (keyof PhaseCounts)[]).every((k) => prev[k] === next[k])
        return same ? prev : next
      })
    update()
    const offs = group.stages.map((stage) => store.subscribe(stage.id, update))
    return () => offs.forEach((off) => off())
  }, [store, group, now, calendar, shows])
  return counts
}
