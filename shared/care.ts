import type { Tier } from '../schema/clients'

/** How often a recurring care task comes round. */
export type CareEvery = 'month' | 'quarter' | 'year'

/** A recurring care task for clients of some tiers (DOMAIN.md § "The client's record"). */
export interface CareRule {
  id: string
  tiers: readonly Tier[]
  every: CareEvery
  /** The journey role whose person on the client gets the task. */
  roleId: string
  title: { ru: string; en: string }
}

/**
 * A: monthly check-in, quarterly head's client review, yearly account plan; B: monthly check-in,
 * yearly review; C: quarterly check-in.
 */
export const CARE_RULES: readonly CareRule[] = [
  {
    id: 'check-in-monthly',
    tiers: ['A', 'B'],
    every: 'month',
    roleId: 'account_manager',
    title: {
      ru: 'Плановый созвон с клиентом (ежемесячно)',
      en: 'Monthly check-in with the client',
    },
  },
  {
    id: 'check-in-quarterly',
    tiers: ['C'],
    every: 'quarter',
    roleId: 'account_manager',
    title: {
      ru: 'Плановый созвон с клиентом (ежеквартально)',
      en: 'Quarterly check-in with the client',
    },
  },
  {
    id: 'head-review',
    tiers: ['A'],
    every: 'quarter',
    roleId: 'team_lead',
    title: {
      ru: 'Встреча руководителя с клиентом (ежеквартально)',
      en: "Quarterly head's client review",
    },
  },
  {
    id: 'account-plan',
    tiers: ['A'],
    every: 'year',
    roleId: 'account_manager',
    title: { ru: 'Обновить план аккаунта на год', en: "Update the year's account plan" },
  },
  {
    id: 'annual-review',
    tiers: ['B'],
    every: 'year',
    roleId: 'account_manager',
    title: { ru: 'Подвести итоги года с клиентом', en: 'Review the year with the client' },
  },
]

/** The period a local date falls in: "2026-12", "2026-Q4" or "2026". */
export function periodKey(date: string, every: CareEvery): string {
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  if (every === 'year') return year
  if (every === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`
  return date.slice(0, 7)
}

/** The last local date of the period a date falls in ("YYYY-MM-DD"). */
export function periodEnd(date: string, every: CareEvery): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const lastMonth = every === 'year' ? 12 : every === 'quarter' ? Math.ceil(month / 3) * 3 : month
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10)
}

/** One rule's task for the period of `today`: the same key all period long, a new one after. */
export interface CareDue {
  rule: CareRule
  period: string
  dueDate: string
  /** Prefix of the task's dedupe key; the client id completes it. */
  keyPrefix: string
}

/** The care tasks every eligible client should have for the period that holds `today`. */
export function careDue(today: string, rules: readonly CareRule[] = CARE_RULES): CareDue[] {
  return rules.map((rule) => {
    const period = periodKey(today, rule.every)
    return {
      rule,
      period,
      dueDate: periodEnd(today, rule.every),
      keyPrefix: `care:${rule.id}:${period}:`,
    }
  })
}

/** Care starts with this phase: clients in it and the phases after it get recurring care. */
export const CARE_FROM_PHASE = 'care'
/** Stages in those phases whose clients are not cared for (they have left). */
export const NO_CARE_STAGES: readonly string[] = ['churned-win-back']

/**
 * The care phase is a cycle (DOMAIN.md): a signed renewal leads back to the regular check-in,
 * not on to the stage after it.
 */
export const CARE_CYCLE = { from: 'renewal-signed', to: 'regular-check-in' } as const
