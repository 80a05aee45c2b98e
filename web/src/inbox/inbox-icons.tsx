import { iconProps } from '../components/icons'
import type { NotificationIcon } from './notification-view'

// Decorative, like components/icons.tsx: the text beside them speaks.

export function BellIcon() {
  return (
    <svg {...iconProps} width={18} height={18}>
      <path d="M4 11.5V7a4 4 0 018 0v4.5l1 1.2H3l1-1.2z" />
      <path d="M6.6 14a1.5 1.5 0 002.8 0" />
    </svg>
  )
}

const PATHS: Record<NotificationIcon, string[]> = {
  // A clock with an alert tick: past the SLA (twice: the same, drawn stronger by CSS).
  overdue: ['M8 14.2A6.2 6.2 0 118 1.8a6.2 6.2 0 010 12.4z', 'M8 4.6V8.4', 'M8 10.8v.1'],
  overdue2: ['M8 14.2A6.2 6.2 0 118 1.8a6.2 6.2 0 010 12.4z', 'M8 4.6V8.4', 'M8 10.8v.1'],
  // A U-turn arrow: sent back one stage.
  returned: ['M6 3.5L3 6.5l3 3', 'M3 6.5h6.5a3.5 3.5 0 010 7H7'],
  // A person with an empty place beside them: a role on a card that nobody holds.
  unstaffed: [
    'M6 7.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z',
    'M1.5 13.5a4.5 4.5 0 019 0',
    'M12.5 5v4',
    'M10.5 7h4',
  ],
  // A speech bubble: a message to send the client.
  message: [
    'M2.5 4a1.5 1.5 0 011.5-1.5h8A1.5 1.5 0 0113.5 4v5.5A1.5 1.5 0 0112 11H7l-3 2.5V11a1.5 1.5 0 01-1.5-1.5z',
  ],
  // A ticked box: a task.
  task: [
    'M3.5 2.5h9a1 1 0 011 1v9a1 1 0 01-1 1h-9a1 1 0 01-1-1v-9a1 1 0 011-1z',
    'M5.5 8l2 2 3.5-4',
  ],
  // Lines of a report: the morning digest.
  digest: ['M3 3.5h10M3 6.5h10M3 9.5h6M3 12.5h8'],
  // An open book: a knowledge article due for its yearly review.
  review: [
    'M8 4.5C6.5 3.3 4.5 3 2.5 3.2v9c2-.2 4 .1 5.5 1.3 1.5-1.2 3.5-1.5 5.5-1.3v-9C11.5 3 9.5 3.3 8 4.5z',
    'M8 4.5v9',
  ],
  other: ['M8 10.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z'],
}

/** One icon per kind of notification, in a tinted round badge (`.inbox-icon--{icon}`). */
export function NotificationIconBadge({ icon }: { icon: NotificationIcon }) {
  return (
    <span class={`inbox-icon inbox-icon--${icon}`} aria-hidden="true">
      <svg {...iconProps} width={14} height={14}>
        {(PATHS[icon] ?? []).map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </span>
  )
}
