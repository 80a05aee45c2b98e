import { iconProps } from '../components/icons'

/** A calendar page: a card's due date. */
export function CalendarIcon() {
  return (
    <svg {...iconProps}>
      <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
      <path d="M2.5 7h11M5.5 2v3M10.5 2v3" />
    </svg>
  )
}

/** A ticked box: the card's open tasks. */
export function CheckIcon() {
  return (
    <svg {...iconProps}>
      <rect x="2.5" y="2.5" width="11" height="11" rx="2" />
      <path d="M5.5 8.2 7.3 10l3.4-4" />
    </svg>
  )
}

/** A paper clip: files on the card. */
export function ClipIcon() {
  return (
    <svg {...iconProps}>
      <path d="M10.5 4.5 5.8 9.2a1.4 1.4 0 0 0 2 2l5-5a2.8 2.8 0 0 0-4-4l-5.2 5.2a4.2 4.2 0 0 0 6 6l4-4" />
    </svg>
  )
}
