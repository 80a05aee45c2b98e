// Knowledge-base icons: decorative, hidden from screen readers (the text next to them speaks).
import { iconProps } from '../components/icons'

/** A regulation: an open book. */
export function BookIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 4.2C6.6 3 4.6 2.6 2 2.8v9.4c2.6-.2 4.6.2 6 1.4 1.4-1.2 3.4-1.6 6-1.4V2.8c-2.6-.2-4.6.2-6 1.4Z" />
      <path d="M8 4.2v9.4" />
    </svg>
  )
}

export function WarningIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 1.8 14.6 13.6H1.4Z" />
      <path d="M8 6.3v3.3M8 11.6v.2" />
    </svg>
  )
}

export function CheckIcon() {
  return (
    <svg {...iconProps}>
      <path d="m3 8.4 3.2 3.1L13 4.6" />
    </svg>
  )
}
