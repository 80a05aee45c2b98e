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

/** The funnel from the period's entries per stage: a phase counts entries from outside it. */
export function funnel(
  entries: readonly { stageId: string; phaseId: string; entered: number; enteredPhase: number }[],
): FunnelStep[] {
  let before: number | null = null
  return FUNNEL_STEPS.map((step) => {
    const count =
      'phaseId' in step
        ? entries.filter((e) => e.phaseId === step.phaseId).reduce((n, e) => n + e.enteredPhase, 0)
        : entries.filter((e) => e.stageId === step.stageId).reduce((n, e) => n + e.entered, 0)
    const dropOff = before ? Math.round((1 - count / before) * 1000) / 1000 : null
    before = count
    return { key: step.key, count, dropOff }
  })
}
