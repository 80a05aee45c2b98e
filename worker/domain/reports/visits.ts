import type { WorkingTimeIndex } from './working-time-index'

/** A move out of a stage with what the job knows about it (see db/report-snapshots). */
export interface StageExit {
  exitEventId: number
  clientId: string
  kind: string
  stageId: string
  tier: string
  ownerId: string | null
  enteredAt: number
  leftAt: number
  slaDays: number
  /** Journey order (phase position, then stage position) of the stage left and the one entered. */
  fromOrder: number
  toOrder: number
  /** Leaving the last phase back into an earlier one is the renewal cycle, not a send-back. */
  fromLastPhase: boolean
}

/** A finished stage visit as the reports read it. */
export interface StageVisit {
  exitEventId: number
  clientId: string
  stageId: string
  tier: string
  ownerId: string | null
  enteredAt: number
  leftAt: number
  workingMs: number
  slaMs: number
  returned: boolean
}

/**
 * Measures visits in working time. A return is the stage clock sending the card back, or a
 * person moving it to an earlier stage (except renewal's way back into account care).
 */
export function measureVisits(
  exits: readonly StageExit[],
  clock: WorkingTimeIndex,
  workdayMs: number,
): StageVisit[] {
  return exits.map((e) => ({
    exitEventId: e.exitEventId,
    clientId: e.clientId,
    stageId: e.stageId,
    tier: e.tier,
    ownerId: e.ownerId,
    enteredAt: e.enteredAt,
    leftAt: e.leftAt,
    workingMs: clock.between(e.enteredAt, e.leftAt),
    slaMs: e.slaDays * workdayMs,
    returned: e.kind === 'returned' || (e.toOrder < e.fromOrder && !e.fromLastPhase),
  }))
}
