import type { Stage } from '../../../schema/journey'
import type { BoardPhase } from '../board/board-model'

/** The board narrowed to one stage: its phase in focus, and only that column. */
export const boardStageUrl = (stage: Pick<Stage, 'id' | 'phaseId'>): string =>
  `/?${new URLSearchParams({ phase: stage.phaseId, stage: stage.id })}`

/**
 * The phases the board draws when the URL names a `stage`: just that column, and only while
 * its phase is the one in focus — clearing the phase focus brings the whole board back.
 */
export function narrowToStage(
  phases: BoardPhase[],
  stageId: string | null,
  focusedPhase: string | null,
): BoardPhase[] {
  if (!stageId || !focusedPhase) return phases
  const group = phases.find((p) => p.phase.id === focusedPhase)
  const stage = group?.stages.find((s) => s.id === stageId)
  return group && stage ? [{ ...group, stages: [stage] }] : phases
}
