import { useI18n } from '../i18n'
import { percent } from './progress'

/** A thin bar with "n of m" beside it; the bar is a real progressbar for screen readers. */
export function ProgressBar({
  completed,
  total,
  label,
  size = 'normal',
}: {
  completed: number
  total: number
  label: string
  size?: 'normal' | 'large'
}) {
  const { t } = useI18n()
  const value = percent(completed, total)
  return (
    <div class={`ob-progress ob-progress--${size}${value === 100 ? ' ob-progress--done' : ''}`}>
      <div
        class="ob-progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t('onboarding.progress', { completed, total, percent: value })}
      >
        <span style={{ width: `${value}%` }} />
      </div>
      <span class="ob-progress__text">
        {t('onboarding.progress', { completed, total, percent: value })}
      </span>
    </div>
  )
}
