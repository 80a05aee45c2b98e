import type { Client, ClientMove } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import { slaDeadlines, type Calendar } from '../../shared/clock'
import { keyBetween, needsRekey } from './ordering'
import { actingPeople } from './people'

/** The card a move is anchored to (beforeId / afterId), with the key next to it on the far side. */
export interface MoveAnchor {
  id: string
  stageId: string
  archived: boolean
  position: string
  /** The key of the column's card on the anchor's other side, the moving card left out. */
  beyond: string | null
}

/** Everything a move reads, in one batch: the plan is made from these alone. */
export interface MoveReads {
  client: Client | null
  stage: Stage | null
  /** The anchor card (null: the move names none, or it does not exist). */
  anchor: MoveAnchor | null
  /** The column's last key without the moving card (used when the move names no anchor). */
  lastKey: string | null
  calendar: Calendar
}

/** Why a move cannot go ahead, before anything is written. */
export type MoveRefusal =
  | { kind: 'client_not_found' }
  | { kind: 'stage_not_found' }
  | { kind: 'version_conflict'; current: Client }
  | { kind: 'archived' }
  | { kind: 'bad_anchor'; field: 'beforeId' | 'afterId'; anchorId: string }
  /** Two equal neighbour keys (left by a past race): the column needs fresh keys first. */
  | { kind: 'rekey' }

/** What the write batch does, and the card as it will be if the batch's guards hold. */
export interface MovePlan {
  kind: 'plan'
  position: string
  changesStage: boolean
  /** The room check to make inside the write (null: the stage has no limit, or it is forced). */
  wipLimit: number | null
  dueAt: number | null
  due2At: number | null
  /** The column's keys grew long: give it fresh keys after the move. */
  rekeyAfter: boolean
  /** The card after the move, as the write batch will leave it. */
  result: Client
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Plans a move from its reads: refuses what cannot be done (unknown card or stage, a stale
 * version, an archived card, an anchor that is not another live card of the target column),
 * else picks the landing key between the neighbours, the new SLA deadlines when the stage
 * changes, and the card as it will be. Pure: the same reads and `now` give the same plan.
 */
export function planMove(
  m: ClientMove,
  r: MoveReads,
  now: number,
): MovePlan | { kind: 'refused'; why: MoveRefusal } {
  const refuse = (why: MoveRefusal) => ({ kind: 'refused' as const, why })
  const { client, stage } = r
  if (!client) return refuse({ kind: 'client_not_found' })
  if (!stage || stage.archived) return refuse({ kind: 'stage_not_found' })
  if (client.version !== m.version) return refuse({ kind: 'version_conflict', current: client })
  if (client.archived) return refuse({ kind: 'archived' })

  const anchorId = m.beforeId ?? m.afterId
  let before = r.lastKey
  let after: string | null = null
  if (anchorId) {
    const field = m.beforeId ? 'beforeId' : 'afterId'
    const a = r.anchor
    if (!a || a.id !== anchorId || a.id === client.id || a.archived || a.stageId !== m.stageId) {
      return refuse({ kind: 'bad_anchor', field, anchorId })
    }
    ;[before, after] = m.beforeId ? [a.beyond, a.position] : [a.position, a.beyond]
  }
  if (before !== null && after !== null && before >= after) return refuse({ kind: 'rekey' })

  const position = keyBetween({ before, after })
  const changesStage = client.stageId !== m.stageId
  const { dueAt, due2At } = changesStage
    ? slaDeadlines(now, stage.slaDays, r.calendar)
    : { dueAt: null, due2At: null }
  const moved: Client = {
    ...client,
    stageId: m.stageId,
    position,
    version: client.version + 1,
    updatedAt: iso(now),
    acting: actingPeople(stage.roles, client.people),
  }
  return {
    kind: 'plan',
    position,
    changesStage,
    wipLimit: m.force ? null : stage.wipLimit,
    dueAt,
    due2At,
    rekeyAfter: needsRekey(position),
    result: changesStage
      ? {
          ...moved,
          enteredStageAt: iso(now),
          dueAt: dueAt === null ? null : iso(dueAt),
          overdueLevel: 0,
        }
      : moved,
  }
}
