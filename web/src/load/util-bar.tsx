import { barPosition, BAR_SCALE, loadLevel, type LoadThresholds } from './load-format'
import './util-bar.css'

interface Props {
  /** Utilisation now (0.77 = 77%); null when the member has no capacity. */
  value: number | null
  /** Utilisation once a new client is added: drawn as a lighter extension of the bar. */
  after?: number
  thresholds?: LoadThresholds
  /** The utilisation the full track stands for (see `barScale`). */
  scale?: number
  /** What a screen reader says for the bar (the numbers printed next to it). */
  label: string
}

/**
 * A utilisation bar with a tick at 100%: green below the lower threshold, amber up to full, red
 * beyond (coloured by `after` when given); past the end of the track it ends in a notch.
 */
export function UtilBar({ value, after, thresholds, scale = BAR_SCALE, label }: Props) {
  const level = loadLevel(after ?? value, thresholds)
  const now = barPosition(value ?? 0, scale)
  const then = after === undefined ? now : barPosition(after, scale)
  const beyond = (after ?? value ?? 0) > scale
  return (
    <span
      class={`util util--${level}${beyond ? ' util--beyond' : ''}`}
      role="img"
      aria-label={label}
      title={label}
    >
      <span class="util__fill" style={{ width: `${now}%` }} />
      {then > now && (
        <span class="util__gain" style={{ left: `${now}%`, width: `${then - now}%` }} />
      )}
      <span class="util__full" style={{ left: `${barPosition(1, scale)}%` }} />
    </span>
  )
}
