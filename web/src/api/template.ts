import type { Phase, PhasePatch, Stage, StagePatch } from '../../../schema/journey'
import { answer, api } from './client'

export type { Phase, PhasePatch, Stage, StagePatch }

/** Renames or reorders a phase on the version the admin saw. */
export function patchPhase(id: string, patch: PhasePatch): Promise<Phase> {
  return answer(api.PATCH('/api/phases/{id}', { params: { path: { id } }, body: patch }))
}

/** Edits a stage on the version the admin saw (names, roles, SLA, WIP, policy, order, archive). */
export function patchStage(id: string, patch: StagePatch): Promise<Stage> {
  return answer(api.PATCH('/api/stages/{id}', { params: { path: { id } }, body: patch }))
}
