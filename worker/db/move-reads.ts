import type { ClientMove } from '../../schema/clients'
import type { Automation } from '../../schema/stage-clock'
import { DEFAULT_CALENDAR, type Calendar } from '../../shared/clock'
import type { MoveAnchor, MoveReads } from '../domain/move-plan'
import { automationsFrom, automationsQuery } from './automations'
import { clientFrom, clientQuery } from './clients'
import { arrivalOrgFrom, arrivalOrgQuery, type AlertOrg } from './org'
import { lastEmptiedFrom, lastEmptiedQuery } from './people'
import { stageFrom, stageQuery } from './journey'

/** What an idempotency key holds already (read when a move is refused or loses a race). */
export interface KeyRow {
  status: number | null
  body: string | null
  request_hash: string | null
  created_at: number
}

/** What a key holds, as a statement (read before a move, and again at the end of its write). */
export const keyQuery = (db: D1Database, key: { scope: string; key: string }) =>
  db
    .prepare(
      'SELECT status, body, request_hash, created_at FROM idempotency_keys WHERE scope = ?1 AND key = ?2',
    )
    .bind(key.scope, key.key)

/** The key row in a batch result of `keyQuery`, if any. */
export const keyFrom = (result: D1Result | undefined): KeyRow | null =>
  ((result?.results ?? []) as KeyRow[])[0] ?? null

/** The key of the live card next to an anchor on one side, the moving card left out. */
const beyond = (side: 'before' | 'after') => {
  const [cmp, order] = side === 'before' ? ['<', 'DESC'] : ['>', 'ASC']
  return `(SELECT b.position FROM clients b
     WHERE b.stage_id = a.stage_id AND b.archived = 0 AND b.id != ?2
       AND (b.position ${cmp} a.position OR (b.position = a.position AND b.id ${cmp} a.id))
     ORDER BY b.position ${order}, b.id ${order} LIMIT 1)`
}

/** The anchor card with its far neighbour's key, or (no anchor) the column's last key. */
function neighbourQuery(db: D1Database, clientId: string, m: ClientMove) {
  const anchorId = m.beforeId ?? m.afterId
  if (!anchorId) {
    return db
      .prepare(
        `SELECT position AS last_key FROM clients WHERE stage_id = ?1 AND archived = 0 AND id != ?2
         ORDER BY position DESC, id DESC LIMIT 1`,
      )
      .bind(m.stageId, clientId)
  }
  return db
    .prepare(
      `SELECT a.id, a.stage_id, a.archived, a.position, ${beyond(m.beforeId ? 'before' : 'after')}
         AS beyond FROM clients a WHERE a.id = ?1`,
    )
    .bind(anchorId, clientId)
}

interface AnchorRow {
  id: string
  stage_id: string
  archived: number
  position: string
  beyond: string | null
}

/**
 * The move's one read batch: the card, the target stage, the neighbour keys, the calendar, the
 * stage's active automations, when the card's roles last fell empty, who to tell when it arrives
 * without a person for the stage's owner or communicator role, and the caller's session when the
 * route reads it here (its result comes back as it is, for the route to admit).
 */
export async function readForMove(
  db: D1Database,
  clientId: string,
  m: ClientMove,
  session: D1PreparedStatement | null,
): Promise<
  MoveReads & {
    automations: Automation[]
    emptiedAt: Map<string, number>
    /** Null when the card arrives with both roles held (read in the same snapshot as the card). */
    arrivalOrg: AlertOrg | null
    session: D1Result | undefined
  }
> {
  const results = await db.batch([
    clientQuery(db, clientId),
    stageQuery(db, m.stageId),
    neighbourQuery(db, clientId, m),
    db.prepare("SELECT value FROM settings WHERE key = 'calendar'"),
    automationsQuery(db, m.stageId),
    lastEmptiedQuery(db, clientId),
    arrivalOrgQuery(db, clientId, m.stageId),
    ...(session ? [session] : []),
  ])
  const rows = <T>(i: number) => (results[i]?.results ?? []) as T[]
  const hasAnchor = Boolean(m.beforeId ?? m.afterId)
  const a = hasAnchor ? rows<AnchorRow>(2)[0] : undefined
  const anchor: MoveAnchor | null = a
    ? {
        id: a.id,
        stageId: a.stage_id,
        archived: a.archived === 1,
        position: a.position,
        beyond: a.beyond,
      }
    : null
  const calendar = rows<{ value: string }>(3)[0]
  return {
    client: clientFrom(results[0]),
    stage: stageFrom(results[1]),
    anchor,
    lastKey: hasAnchor ? null : (rows<{ last_key: string }>(2)[0]?.last_key ?? null),
    calendar: calendar ? (JSON.parse(calendar.value) as Calendar) : DEFAULT_CALENDAR,
    automations: automationsFrom(results[4]),
    emptiedAt: lastEmptiedFrom(results[5]),
    arrivalOrg: arrivalOrgFrom(results[6]),
    session: session ? results[7] : undefined,
  }
}
