import type { TeamMember } from '../api/team'
import { useI18n, type I18n } from '../i18n'
import { formatPercent, formatPoints, loadLevel, type LoadThresholds } from './load-format'

/** "Load 212%: 33.9 of 16 points", for a bar's accessible name. */
export function utilLabel(
  member: Pick<TeamMember, 'utilization' | 'load' | 'capacity'>,
  { t, locale }: Pick<I18n, 't' | 'locale'>,
): string {
  return t('team.util.label', {
    pct: formatPercent(locale, member.utilization),
    load: formatPoints(locale, member.load),
    capacity: formatPoints(locale, member.capacity),
  })
}

/** The utilisation as a percentage, in its band's colour. */
export function UtilText({
  member,
  thresholds,
}: {
  member: Pick<TeamMember, 'utilization'>
  thresholds: LoadThresholds
}) {
  const { locale } = useI18n()
  return (
    <span class={`util-text util-text--${loadLevel(member.utilization, thresholds)}`}>
      {formatPercent(locale, member.utilization)}
    </span>
  )
}
