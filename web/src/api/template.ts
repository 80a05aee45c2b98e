import type { Phase, PhasePatch, Stage, StagePatch } from '../../../schema/journey'
import { request } from './client'

export type { Phase, PhasePatch, Stage, StagePatch }

/** Renames or reorders a phase on the version the admin saw. */
export function patchPhase(id: string, patch: PhasePatch): Promise<Phase> {
  return request<Phase>(`/api/phases/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}

/** Edits a stage on the version the admin saw (names, roles, SLA, WIP, policy, order, archive). */
export function patchStage(id: string, patch: StagePatch): Promise<Stage> {
  return request<Stage>(`/api/stages/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}
