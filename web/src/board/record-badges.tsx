import type { CardFlag, FlagKind } from '../../../schema/flags'
import type { Quadrant } from '../../../schema/kam'
import { useI18n } from '../i18n'
import './record-badges.css'

/** One glyph per quadrant: the card has room for a mark, the name is in the title. */
export const QUADRANT_GLYPH: Record<Quadrant, string> = {
  strategic: '◆',
  star: '★',
  status: '●',
  streamline: '▼',
}

export const FLAG_GLYPH: Record<FlagKind, string> = {
  incident: '⚡',
  receivables: '₽',
  churn_risk: '↘',
}

/** The client's KAM quadrant as a small tinted mark. */
export function KamBadge({ quadrant }: { quadrant: Quadrant }) {
  const { t } = useI18n()
  const label = t('kam.badge', { quadrant: t(`kam.quadrant.${quadrant}`) })
  return (
    <span
      class={`kam-badge kam-badge--${quadrant}`}
      title={label}
      role="img"
      aria-label={label}
      data-kam={quadrant}
    >
      {QUADRANT_GLYPH[quadrant]}
    </span>
  )
}

/** The card's open flags; an overdue one is filled, past twice its SLA it gets a ring. */
export function FlagBadges({ flags }: { flags: readonly CardFlag[] }) {
  const { t } = useI18n()
  if (flags.length === 0) return null
  return (
    <span class="flag-badges">
      {flags.map((f) => {
        const name = t(`flag.kind.${f.kind}`)
        const label = f.overdueLevel > 0 ? t('flag.badge.overdue', { name }) : name
        return (
          <span
            key={f.kind}
            class={`flag-badge flag-badge--${f.kind} flag-badge--level${f.overdueLevel}`}
            title={label}
            role="img"
            aria-label={label}
            data-flag={f.kind}
            data-flag-level={f.overdueLevel}
          >
            {FLAG_GLYPH[f.kind]}
          </span>
        )
      })}
    </span>
  )
}
