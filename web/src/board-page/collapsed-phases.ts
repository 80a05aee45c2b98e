import { useCallback, useState } from 'preact/hooks'

const KEY = 'journey-board.collapsed-phases'

function read(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((v) => typeof v === 'string') : [])
  } catch {
    return new Set()
  }
}

/** Which phases are folded away: a personal preference, kept in this browser. */
export function useCollapsedPhases(): [ReadonlySet<string>, (phaseId: string) => void] {
  const [collapsed, setCollapsed] = useState(read)
  const toggle = useCallback((phaseId: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (!next.delete(phaseId)) next.add(phaseId)
      try {
        localStorage.setItem(KEY, JSON.stringify([...next]))
      } catch {
        // Not saved: the fold still holds for this visit.
      }
      return next
    })
  }, [])
  return [collapsed, toggle]
}
