import type { StageRoleKind, Tier } from '../../../schema/clients'
import type { Excluded } from '../api/assignments'
import type { I18n } from '../i18n'
import { formatDay } from '../load/load-format'

interface Context {
  i18n: Pick<I18n, 't' | 'locale'>
  role: StageRoleKind
  tier: Tier
  /** The journey role the slot asks for, in the user's language ("Account manager"). */
  roleName: string
}

const DATE = /\d{4}-\d{2}-\d{2}/

/**
 * Why a member is left out, in the user's language: the server gives a code per reason (and
 * English text alongside, in the same order); an unknown code keeps the server's words.
 */
export function exclusionTexts(excluded: Excluded, { i18n, role, tier, roleName }: Context) {
  const { t, locale } = i18n
  return excluded.codes.map((code, i) => {
    const english = excluded.reasons[i] ?? code
    switch (code) {
      case 'inactive':
        return t('assign.why.inactive')
      case 'role':
        return t('assign.why.role', { role: roleName })
      case 'absent': {
        const until = DATE.exec(english)?.[0]
        return until
          ? t('assign.why.absentUntil', { date: formatDay(locale, until) })
          : t('assign.why.absent')
      }
      case 'grade':
        return role === 'support' ? t('assign.why.gradeSupport') : t('assign.why.grade', { tier })
      case 'intern':
        return t('assign.why.intern')
      case 'no_capacity':
        return t('assign.why.noCapacity')
      default:
        return english
    }
  })
}
