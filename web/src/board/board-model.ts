import type { Client } from '../../../schema/clients'
import type { Journey, Phase, Role, Stage } from '../../../schema/journey'
import type { Member } from '../../../schema/members'

export interface BoardStage {
  stage: Stage
  /** Sorted by `position`. */
  clients: Client[]
}

export interface BoardPhase {
  phase: Phase
  stages: BoardStage[]
  clientCount: number
}

/** The board as the page draws it, plus lookups the cards need. */
export interface BoardModel {
  phases: BoardPhase[]
  roles: Map<string, Role>
  members: Map<string, Member>
  clientCount: number
  stageCount: number
}

/**
 * Ordering keys are fractional-index strings: they sort by code unit, exactly as the server
 * sorts them. `localeCompare` would reorder some keys (it ignores case and punctuation).
 */
export function comparePosition(a: Client, b: Client): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

/** Puts every active client into its stage column; archived stages and clients are left out. */
export function buildBoard(journey: Journey, clients: Client[], members: Member[]): BoardModel {
  const columns = new Map<string, Client[]>()
  for (const phase of journey.phases) {
    for (const stage of phase.stages) if (!stage.archived) columns.set(stage.id, [])
  }
  for (const client of clients) {
    if (!client.archived) columns.get(client.stageId)?.push(client)
  }

  let clientCount = 0
  let stageCount = 0
  const phases = [...journey.phases].sort(byPosition).map((phase): BoardPhase => {
    const stages = phase.stages
      .filter((stage) => !stage.archived)
      .sort(byPosition)
      .map((stage) => ({ stage, clients: (columns.get(stage.id) ?? []).sort(comparePosition) }))
    const count = stages.reduce((sum, column) => sum + column.clients.length, 0)
    clientCount += count
    stageCount += stages.length
    return { phase, stages, clientCount: count }
  })

  return {
    phases,
    roles: new Map(journey.roles.map((role) => [role.id, role])),
    members: new Map(members.map((member) => [member.id, member])),
    clientCount,
    stageCount,
  }
}

const DAY_MS = 86_400_000

/**
 * Calendar days since the card entered its stage, counted between local dates (entered
 * yesterday evening = 1 day). Working time replaces this once the working-time clock lands.
 */
export function calendarDaysSince(iso: string, now: Date): number {
  const from = new Date(iso)
  if (Number.isNaN(from.getTime())) return 0
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())
  return Math.max(0, Math.round((day(now) - day(from)) / DAY_MS))
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
