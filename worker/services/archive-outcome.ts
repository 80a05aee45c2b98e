import type { Client, ClientPatch } from '../../schema/clients'
import { OUTCOMES_WITH_REASON, type ClientProfile } from '../../schema/record'
import type { NewEvent } from '../db/clients'
import { getProfile } from '../db/client-profiles'
import { optionIn } from '../db/record-options'
import { fieldError } from './record-write'

/**
 * The profile a patch leaves when it archives a card with an outcome (won, lost, churned, other;
 * lost and churned with a reason from the admins' list) or restores one (the outcome is cleared):
 * null when the patch does neither. The reason is checked here; zod already asked for it.
 */
export async function outcomeProfile(
  db: D1Database,
  client: Client,
  patch: ClientPatch,
): Promise<ClientProfile | null> {
  const archiving = patch.archived === true && !client.archived
  const restoring = patch.archived === false && client.archived
  if (!archiving && !restoring) return null
  const profile = await getProfile(db, client.id)
  if (restoring) {
    if (profile.outcome === null) return null
    return { ...profile, outcome: null, outcomeReasonId: null, outcomeNote: '' }
  }
  if (!patch.outcome) return null
  const needsReason = OUTCOMES_WITH_REASON.includes(patch.outcome)
  const reasonId = patch.outcomeReasonId ?? null
  if (needsReason && !reasonId) {
    throw fieldError('outcomeReasonId', `A ${patch.outcome} client needs a reason`)
  }
  if (reasonId && !(await optionIn(db, 'loss_reason', reasonId))) {
    throw fieldError('outcomeReasonId', `No reason ${JSON.stringify(reasonId)} in the list`)
  }
  return {
    ...profile,
    outcome: patch.outcome,
    outcomeReasonId: reasonId,
    outcomeNote: patch.outcomeNote ?? '',
  }
}

/** The `archived` history event says how the card left: outcome, reason and note. */
export function withOutcome(event: NewEvent, profile: ClientProfile | null): NewEvent {
  if (!profile?.outcome) return event
  const { outcome, outcomeReasonId, outcomeNote } = profile
  return { ...event, data: { outcome, outcomeReasonId, outcomeNote } }
}
