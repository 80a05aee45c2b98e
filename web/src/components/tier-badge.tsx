import type { Tier } from '../../../schema/clients'
import { useI18n } from '../i18n'

export function TierBadge({ tier }: { tier: Tier }) {
  const { t } = useI18n()
  const label = t(`tier.${tier}`)
  return (
    <span class={`tier tier--${tier}`} title={label} aria-label={label}>
      {tier}
    </span>
  )
}
