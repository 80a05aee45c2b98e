import type { Journey, Phase, Role, Stage } from '../../../schema/journey'

/** The journey as the knowledge base looks things up: live stages by phase, roles in order. */
export interface JourneyIndex {
  phases: { phase: Phase; stages: Stage[] }[]
  stages: Map<string, Stage>
  roles: Role[]
  roleById: Map<string, Role>
  phaseById: Map<string, Phase>
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

export function indexJourney(journey: Journey): JourneyIndex {
  const phases = [...journey.phases].sort(byPosition).map((phase) => ({
    phase,
    stages: phase.stages.filter((s) => !s.archived).sort(byPosition),
  }))
  const roles = [...journey.roles].sort(byPosition)
  return {
    phases,
    stages: new Map(phases.flatMap((p) => p.stages.map((s) => [s.id, s] as const))),
    roles,
    roleById: new Map(roles.map((r) => [r.id, r])),
    phaseById: new Map(phases.map((p) => [p.phase.id, p.phase])),
  }
}
