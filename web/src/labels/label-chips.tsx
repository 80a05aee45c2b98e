import type { Label } from '../../../schema/labels'
import './labels.css'

interface Props {
  ids: readonly string[]
  labels: ReadonlyMap<string, Label>
  /** On a card: one line, cut where it ends. */
  compact?: boolean
}

/** A card's labels as coloured chips, in the list's order; ids no longer on the list are left out. */
export function LabelChips({ ids, labels, compact = false }: Props) {
  const shown = [...labels.values()].filter((l) => ids.includes(l.id))
  if (shown.length === 0) return null
  return (
    <ul class={`labels${compact ? ' labels--card' : ''}`}>
      {shown.map((l) => (
        <li key={l.id} class={`label label--${l.color}`} title={l.name}>
          {l.name}
        </li>
      ))}
    </ul>
  )
}
