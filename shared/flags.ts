import type { FlagKind } from '../schema/flags'

/*
 * Flags: conditions any card can carry at any stage (DOMAIN.md: they were stages once) — an
 * incident, overdue receivables, a risk that the client leaves.
 */

/**
 * Per kind: the SLA in working days when the raiser gives none (the SLA of the stage the
 * condition used to be) and the journey role that owns it by default (the client's person for
 * that role becomes the flag's owner).
 */
export const FLAG_DEFAULTS: Record<FlagKind, { slaDays: number; roleId: string }> = {
  incident: { slaDays: 2, roleId: 'account_manager' },
  receivables: { slaDays: 5, roleId: 'finance' },
  churn_risk: { slaDays: 3, roleId: 'account_manager' },
}

const NAMES: Record<FlagKind, { ru: string; en: string }> = {
  incident: { ru: 'Инцидент', en: 'Incident' },
  receivables: { ru: 'Просроченная дебиторка', en: 'Overdue receivables' },
  churn_risk: { ru: 'Риск оттока', en: 'Churn risk' },
}

/** The inbox text of an overdue flag (level 1: past its SLA, 2: past twice the SLA). */
export function flagAlertText(kind: FlagKind, company: string, level: 1 | 2, slaDays: number) {
  const name = NAMES[kind]
  return {
    ru: {
      title: `${company}: флаг «${name.ru}» просрочен${level === 2 ? ' вдвое' : ''}`,
      body: `Флаг не снят за ${level * slaDays} раб. дн. Решите вопрос или назначьте ответственного.`,
    },
    en: {
      title: `${company}: "${name.en}" flag overdue${level === 2 ? ' twice over' : ''}`,
      body: `The flag has been open for over ${level * slaDays} working day(s). Resolve it or give it an owner.`,
    },
  }
}
