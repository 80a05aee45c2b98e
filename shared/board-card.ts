/**
 * The board's card in its short form (schema/board.ts) and back: the Worker writes it, the web
 * reads it. No zod here: the web's first screen imports this and must stay small.
 */
import type { BoardCard, BoardCardExtras } from '../schema/board'
import type { Client } from '../schema/clients'

/**
 * The names of a board card's places, in order: every answer carries them (`cardFields`), so an
 * API client can turn a card back into an object without knowing this file.
 */
export const BOARD_CARD_FIELDS = [
  'id',
  'name',
  'company',
  'tier',
  'score',
  'position',
  'enteredStageAt',
  'version',
  'dueAt',
  'overdueLevel',
  'acting',
  'extras',
] as const

/** The member ids of one answer, each once; a card names a member by its index here. */
export interface MemberRefs {
  readonly ids: readonly string[]
  ref(id: string | null): number | null
}

export function memberRefs(): MemberRefs {
  const ids: string[] = []
  const index = new Map<string, number>()
  return {
    ids,
    ref(id) {
      if (id === null) return null
      let at = index.get(id)
      if (at === undefined) {
        at = ids.push(id) - 1
        index.set(id, at)
      }
      return at
    },
  }
}

/** What a card shows beyond its core, as the client holds it. */
export type CardParts = Pick<Client, 'kam' | 'flags' | 'labelIds' | 'dueDate' | 'tasks'>

/** A card's extras: each part only when it says something, in the schema's order. */
export function boardExtras({ kam, flags, labelIds, dueDate, tasks }: CardParts): BoardCardExtras {
  // Assigned one by one, not spread: the Worker builds ~2,000 of these per board answer.
  const extras: BoardCardExtras = {}
  if (kam !== null) extras.kam = kam
  if (flags.length > 0) extras.flags = flags
  if (labelIds.length > 0) extras.labelIds = labelIds
  if (dueDate !== null) extras.dueDate = dueDate
  if (tasks.open + tasks.done > 0 || tasks.next !== null) extras.tasks = tasks
  return extras
}

/** The board card of a client (the Worker builds the same from SQL: worker/db/board-card-sql.ts). */
export function boardCardOf(client: Client, members: MemberRefs): BoardCard {
  const { acting } = client
  return [
    client.id,
    client.name,
    client.company,
    client.tier,
    client.score,
    client.position,
    Date.parse(client.enteredStageAt),
    client.version,
    client.dueAt === null ? null : Date.parse(client.dueAt),
    client.overdueLevel,
    [members.ref(acting.owner), members.ref(acting.communicator), members.ref(acting.support)],
    boardExtras(client),
  ]
}

/**
 * A board card as the board's state keeps cards: in its column's stage, live, with empty extras
 * filled in. The board never shows when a card was created or edited, nor the client's people
 * beyond who acts at the stage: the drawer and the assign dialog read the whole client for those.
 */
export function clientOfBoardCard(
  card: BoardCard,
  members: readonly string[],
  stageId: string,
): Client {
  const [id, name, company, tier, score, position, entered, version, due, overdueLevel] = card
  const [owner, communicator, support] = card[10]
  const extras = card[11]
  const member = (at: number | null) => (at === null ? null : (members[at] ?? null))
  const enteredStageAt = new Date(entered).toISOString()
  return {
    id,
    name,
    company,
    tier,
    score,
    stageId,
    position,
    enteredStageAt,
    people: {},
    acting: { owner: member(owner), communicator: member(communicator), support: member(support) },
    version,
    createdAt: enteredStageAt,
    updatedAt: enteredStageAt,
    archived: false,
    dueAt: due === null ? null : new Date(due).toISOString(),
    overdueLevel,
    kam: extras.kam ?? null,
    flags: extras.flags ?? [],
    labelIds: extras.labelIds ?? [],
    dueDate: extras.dueDate ?? null,
    tasks: extras.tasks ?? { open: 0, done: 0, next: null },
  }
}
