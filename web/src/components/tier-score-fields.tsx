import { TIERS } from '../../../schema/enums'
import type { Tier } from '../../../schema/clients'
import { useId } from 'preact/hooks'
import { useI18n } from '../i18n'
import { FieldError, invalidProps } from './field-error'
import { LIMITS } from '../../../schema/limits'

interface Props {
  tier: Tier
  /** The score as typed (validated by the form that owns it). */
  score: string
  onTier: (tier: Tier) => void
  onScore: (score: string) => void
  scoreInvalid: boolean
  disabled?: boolean
}

/** A client's tier and initial score, side by side: the drawer and the new-client form share it. */
export function TierScoreFields({ tier, score, onTier, onScore, scoreInvalid, disabled }: Props) {
  const { t } = useI18n()
  const errorId = useId()
  const errors = scoreInvalid ? [t('form.score.invalid')] : undefined
  return (
    <div class="form__row">
      <label class="field">
        <span class="field__label">{t('drawer.field.tier')}</span>
        <select
          class="select"
          value={tier}
          disabled={disabled}
          onChange={(e) => {
            const value = e.currentTarget.value
            onTier(TIERS.find((x) => x === value) ?? tier)
          }}
        >
          {TIERS.map((x) => (
            <option key={x} value={x}>
              {t(`tier.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field__label">{t('drawer.field.score')}</span>
        <input
          class="input"
          type="number"
          min={LIMITS.score.min}
          max={LIMITS.score.max}
          step={1}
          value={score}
          disabled={disabled}
          {...invalidProps(errorId, errors)}
          onInput={(e) => onScore(e.currentTarget.value)}
        />
        <FieldError id={errorId} messages={errors} />
      </label>
    </div>
  )
}
