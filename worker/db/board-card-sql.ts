import type { BoardCard } from '../../schema/board'
import type { CardTasks, Tier } from '../../schema/clients'
import type { CardFlag } from '../../schema/flags'
import type { Quadrant } from '../../schema/kam'
import { boardExtras, type MemberRefs } from '../../shared/board-card'
import { CARD_PARTS } from './clients'

/** The columns of card `c` the board reads, for a subquery that feeds `CARD_JSON`. */
export const CARD_COLUMNS = `c.id, c.name, c.company, c.tier, c.score, c.position,
  c.entered_stage_at, c.version, c.due_at, c.overdue_level, c.due_date`

const actingAs = (roleColumn: string) =>
  `(SELECT member_id FROM client_people WHERE client_id = c.id AND role_id = s.${roleColumn})`

/**
 * Card `c` at stage `s` as one JSON array (`SqlCard`), built in SQL: a column's cards then cross
 * from D1 into the Worker as one text (json_group_array), not as a row of ~30 values per card,
 * which D1's result conversion made the largest part of a board load. Times stay milliseconds,
 * the acting people member ids. json() keeps a subquery's JSON text as JSON, not as a string.
 */
export const CARD_JSON = `json_array(c.id, c.name, c.company, c.tier, c.score, c.position,
  c.entered_stage_at, c.version, c.due_at, c.overdue_level,
  ${actingAs('owner_role_id')}, ${actingAs('communicator_role_id')}, ${actingAs('support_role_id')},
  ${CARD_PARTS.kam}, json(${CARD_PARTS.flags}), json(${CARD_PARTS.label_ids}), c.due_date,
  json(${CARD_PARTS.task_counts}), json(${CARD_PARTS.next_task}))`

/** A card as `CARD_JSON` builds it. */
type SqlCard = [
  id: string,
  name: string,
  company: string,
  tier: Tier,
  score: number | null,
  position: string,
  enteredStageAt: number,
  version: number,
  dueAt: number | null,
  overdueLevel: number,
  owner: string | null,
  communicator: string | null,
  support: string | null,
  kam: Quadrant | null,
  flags: CardFlag[],
  labelIds: string[],
  dueDate: string | null,
  taskCounts: Omit<CardTasks, 'next'>,
  nextTask: CardTasks['next'],
]

/** The cards of one `json_group_array(CARD_JSON)` text. */
export const parseCards = (json: string) => JSON.parse(json) as SqlCard[]

/** A card as the board sends it: acting members as indexes, extras only when they say something. */
export function cardOfRow(card: SqlCard, members: MemberRefs): BoardCard {
  const [id, name, company, tier, score, position, entered, version, due, overdueLevel] = card
  const [, , , , , , , , , , owner, communicator, support, kam, flags, labelIds, dueDate] = card
  const tasks = { open: card[17].open, done: card[17].done, next: card[18] }
  return [
    id,
    name,
    company,
    tier,
    score,
    position,
    entered,
    version,
    due,
    overdueLevel,
    [members.ref(owner), members.ref(communicator), members.ref(support)],
    boardExtras({ kam, flags, labelIds, dueDate, tasks }),
  ]
}
