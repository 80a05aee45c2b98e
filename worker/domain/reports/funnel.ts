/**
 * The journey's milestones, in order: entering a phase, or entering the stage that marks it.
 * Stages and phases are the default template's; a step whose stage or phase an organisation
 * removed counts zero.
 */
export const FUNNEL_STEPS = [
  { key: 'acquisition', phaseId: 'acquisition' },
  { key: 'sale', phaseId: 'sale' },
  { key: 'contract', phaseId: 'contract' },
  { key: 'paid', stageId: 'payment-received' },
  { key: 'onboarded', stageId: 'onboarding-sign-off' },
  { key: 'renewed', stageId: 'renewal-signed' },
] as const

export type FunnelKey = (typeof FUNNEL_STEPS)[number]['key']

export interface FunnelStep {
  key: FunnelKey
  count: number
  /** Share lost since the step before (null for the first, or when the one before had none). */
  dropOff: number | null
}

/**
 * A cohort funnel: of the cards of the cohort, how many reached each milestone — got to its
 * place in the journey (a phase's first stage, or the stage) or further. A milestone's place is
 * never taken as earlier than the one before it, so each step counts a subset of the step before
 * and drop-off is never negative. `reach`: cards per furthest journey order reached.
 */
export function cohortFunnel(
  reach: readonly { journeyOrder: number; cards: number }[],
  stages: readonly { stageId: string; phaseId: string; journeyOrder: number }[],
): FunnelStep[] {
  let floor = -Infinity
  let before: number | null = null
  return FUNNEL_STEPS.map((step) => {
    const orders = stages
      .filter((s) => ('phaseId' in step ? s.phaseId === step.phaseId : s.stageId === step.stageId))
      .map((s) => s.journeyOrder)
    let count = 0
    if (orders.length > 0) {
      floor = Math.max(floor, Math.min(...orders))
      count = reach.filter((r) => r.journeyOrder >= floor).reduce((n, r) => n + r.cards, 0)
    }
    const dropOff = before ? Math.round((1 - count / before) * 1000) / 1000 : null
    before = count
    return { key: step.key, count, dropOff }
  })
}
