import type { Client } from '../../../schema/clients'
import type { Journey, Phase, Role, Stage } from '../../../schema/journey'
import type { Member } from '../../../schema/members'
import { comparePosition, type Columns } from './board-state'

export interface BoardPhase {
  phase: Phase
  /** Place in the journey (0-based): numbers and colours stay put under phase focus. */
  index: number
  /** Live stages, sorted by `position`. */
  stages: Stage[]
}

/** The journey as the page draws it, plus the lookups cards need. The cards live in a store. */
export interface BoardModel {
  phases: BoardPhase[]
  stages: Map<string, Stage>
  roles: Map<string, Role>
  members: Map<string, Member>
  stageCount: number
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

/** Puts every active client into its stage column; archived stages and clients are left out. */
export function buildBoard(
  journey: Journey,
  clients: Client[],
  members: Member[],
): { model: BoardModel; columns: Columns } {
  const phases = [...journey.phases].sort(byPosition).map((phase, index): BoardPhase => ({
    phase,
    index,
    stages: phase.stages.filter((stage) => !stage.archived).sort(byPosition),
  }))
  const stages = new Map(phases.flatMap((p) => p.stages.map((s) => [s.id, s] as const)))
  const columns = new Map<string, Client[]>([...stages.keys()].map((id) => [id, []]))
  for (const client of clients) {
    if (!client.archived) columns.get(client.stageId)?.push(client)
  }
  for (const cards of columns.values()) cards.sort(comparePosition)

  return {
    model: {
      phases,
      stages,
      roles: new Map(journey.roles.map((role) => [role.id, role])),
      members: new Map(members.map((member) => [member.id, member])),
      stageCount: stages.size,
    },
    columns,
  }
}

/** Up to two initials from a person's name: "Анна Смирнова" → "АС". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase()
}
