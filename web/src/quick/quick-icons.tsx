import { iconProps } from '../components/icons'

/** Three dots: a card's menu. */
export function DotsIcon() {
  return (
    <svg {...iconProps} width={14} height={14}>
      <circle cx="3.5" cy="8" r="0.9" />
      <circle cx="8" cy="8" r="0.9" />
      <circle cx="12.5" cy="8" r="0.9" />
    </svg>
  )
}

export function PlusIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  )
}

export function CheckIcon() {
  return (
    <svg {...iconProps}>
      <path d="m3.5 8.5 3 3 6-7" />
    </svg>
  )
}
