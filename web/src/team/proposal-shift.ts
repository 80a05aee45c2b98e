import type { RebalanceProposal } from '../../../schema/team'

/** One person's utilisation before and after the move (fractions). */
interface Change {
  before: number
  after: number
}

/** How the move changes both people's utilisation. */
export interface Shift {
  from: Change
  to: Change
}

const pair = (v: unknown): Change | null => {
  if (typeof v !== 'object' || v === null) return null
  const { before, after } = v as Record<string, unknown>
  return typeof before === 'number' && typeof after === 'number' ? { before, after } : null
}

/** The utilisation before and after for both sides, when the proposal's data carries them. */
export function shiftOf(proposal: Pick<RebalanceProposal, 'data'>): Shift | null {
  const from = pair(proposal.data?.from)
  const to = pair(proposal.data?.to)
  return from && to ? { from, to } : null
}
