// Small inline icons: decorative, so hidden from screen readers (the text next to them speaks).
/** Shared attributes of our 16-unit line icons. */
export const iconProps = {
  width: 12,
  height: 12,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 1.6,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
  'aria-hidden': true,
} as const

export function ClockIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 4.6V8l2.3 1.5" />
    </svg>
  )
}

export function ScoreIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2.5 13.5h11" />
      <path d="M4.5 13.5V9.5M8 13.5V5.5M11.5 13.5V2.5" />
    </svg>
  )
}

/** A lightning bolt: the stage runs automations when a card enters. */
export function BoltIcon() {
  return (
    <svg {...iconProps}>
      <path d="M9 1.5 3.5 9h4l-1 5.5L12 7H8z" />
    </svg>
  )
}

export function TimerIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="8" cy="9" r="5.4" />
      <path d="M8 9V6.4M6.3 1.8h3.4" />
    </svg>
  )
}

export function ChevronIcon({ direction }: { direction: 'right' | 'down' }) {
  return (
    <svg {...iconProps}>
      <path d={direction === 'down' ? 'M4 6l4 4 4-4' : 'M6 4l4 4-4 4'} />
    </svg>
  )
}

export function FocusIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2.5 6V3.5a1 1 0 011-1H6M10 2.5h2.5a1 1 0 011 1V6M13.5 10v2.5a1 1 0 01-1 1H10M6 13.5H3.5a1 1 0 01-1-1V10" />
    </svg>
  )
}

export function CloseIcon() {
  return (
    <svg {...iconProps}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  )
}

export function SearchIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5l3 3" />
    </svg>
  )
}

/** A funnel: cards the filters hide. */
export function FunnelIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2.5 3h11L9.2 8.4v4.1L6.8 13.8V8.4z" />
    </svg>
  )
}
